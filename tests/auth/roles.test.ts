/** The role matrix, route by route and role by role. */
import { describe, expect, it } from 'vitest';
import { isAllowed, ROLES, ROUTE_RULES, type Role } from '../../src/lib/server/auth/roles';

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];
const MODERATION_ROUTES = ['/queue', '/comments/[id]', '/api/v1/comments/[id]/decisions'];
const everyone: (Role | null)[] = [null, ...ROLES];

describe('role matrix', () => {
  it('lets every role read every page and endpoint it lists for GET', () => {
    for (const { routeId, methods } of ROUTE_RULES) {
      if (methods.GET !== 'read') continue;
      for (const role of ROLES) expect(isAllowed(role, routeId, 'GET'), routeId).toBe(true);
      expect(isAllowed(null, routeId, 'GET'), routeId).toBe(false);
    }
  });

  it('never lets an analyst write to a moderation route', () => {
    for (const routeId of MODERATION_ROUTES) {
      expect(ROUTE_RULES.some((rule) => rule.routeId === routeId)).toBe(true);
      for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
        expect(isAllowed('analyst', routeId, method), `${method} ${routeId}`).toBe(false);
      }
      expect(isAllowed('moderator', routeId, 'POST'), routeId).toBe(true);
      expect(isAllowed('admin', routeId, 'POST'), routeId).toBe(true);
    }
  });

  it('keeps settings for admins only', () => {
    const settings = ROUTE_RULES.filter((rule) => rule.routeId.startsWith('/settings'));
    expect(settings.length).toBeGreaterThan(0);
    for (const { routeId } of settings) {
      for (const method of METHODS) {
        for (const role of everyone) {
          if (role !== 'admin') expect(isAllowed(role, routeId, method), routeId).toBe(false);
        }
      }
      expect(isAllowed('admin', routeId, 'GET')).toBe(true);
      expect(isAllowed('admin', routeId, 'POST')).toBe(true);
    }
  });

  it('lets moderators and admins ingest, not analysts', () => {
    for (const routeId of ['/ingest', '/api/v1/ingest']) {
      expect(isAllowed('moderator', routeId, 'POST')).toBe(true);
      expect(isAllowed('admin', routeId, 'POST')).toBe(true);
      expect(isAllowed('analyst', routeId, 'POST')).toBe(false);
    }
  });

  it('opens only the login page to nobody', () => {
    for (const { routeId } of ROUTE_RULES) {
      for (const method of METHODS) {
        expect(isAllowed(null, routeId, method), `${method} ${routeId}`).toBe(
          routeId === '/login' && ['GET', 'HEAD', 'POST'].includes(method)
        );
      }
    }
  });

  it('denies routes and methods the matrix does not list, to every role', () => {
    for (const role of everyone) {
      expect(isAllowed(role, '/admin-backdoor', 'GET')).toBe(false);
      expect(isAllowed(role, null, 'GET')).toBe(false);
      expect(isAllowed(role, '/analytics', 'POST')).toBe(false);
      expect(isAllowed(role, '/', 'DELETE')).toBe(false);
      expect(isAllowed(role, '/queue', 'OPTIONS')).toBe(false);
    }
  });

  it('lists each route once', () => {
    const ids = ROUTE_RULES.map((rule) => rule.routeId);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
