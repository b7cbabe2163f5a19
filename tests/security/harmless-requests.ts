/**
 * For every mutating route and method, a request the app refuses as invalid input, so the
 * route-matrix run can send it to every role without changing anything: the guard decides
 * first (401/403 for callers the matrix refuses), and for callers it lets through the
 * route itself answers `status` — which proves the request reached the handler and was
 * refused there. Keyed `METHOD routeId`; a mutating route missing here fails the run.
 */
export interface HarmlessRequest {
  /** The named form action (`?/name`), or '' for a page's default action or an endpoint. */
  query: string;
  contentType: string;
  body: string;
  /** What an allowed caller gets back. */
  status: number;
  /** Logging out can't be made harmless: it is sent with a session made for it alone. */
  endsSession?: true;
  why: string;
}

const form = (fields: Record<string, string>) => ({
  contentType: 'application/x-www-form-urlencoded',
  body: new URLSearchParams(fields).toString()
});

export const HARMLESS_REQUESTS: Record<string, HarmlessRequest> = {
  'POST /login': {
    query: '',
    ...form({}),
    status: 400,
    why: 'no name or password: refused before any check, so the throttle does not count it'
  },
  'POST /logout': {
    query: '',
    ...form({}),
    status: 303,
    endsSession: true,
    why: 'signs out the throwaway session it was sent with'
  },
  'POST /account': {
    query: '?/password',
    ...form({ confirmPassword: 'x' }),
    status: 400,
    why: 'no current or new password (and signOutOthers has no invalid input to send)'
  },
  'POST /queue': {
    query: '?/decide',
    ...form({ commentId: 'none' }),
    status: 400,
    why: 'no comment id, version or action'
  },
  'POST /comments/[id]': {
    query: '?/decide',
    ...form({ action: 'nothing' }),
    status: 400,
    why: 'an action that does not exist'
  },
  'POST /ingest': {
    query: '?/upload',
    ...form({}),
    status: 415,
    why: 'a urlencoded form carries no file or text part'
  },
  'POST /settings': {
    query: '?/save',
    ...form({ label: 'no_such_label', threshold: '2' }),
    status: 400,
    why: 'an unknown label and a threshold outside [0, 1]'
  },
  'POST /settings/lexicon': {
    query: '?/explain',
    ...form({ id: 'no-such-entry', explanation: '' }),
    status: 400,
    why: 'an unknown entry and an empty explanation'
  },
  'POST /settings/tokens': {
    query: '?/revoke',
    ...form({}),
    status: 400,
    why: 'no token id'
  },
  'POST /settings/users': {
    query: '?/role',
    ...form({ role: 'emperor' }),
    status: 400,
    why: 'no user id and a role that does not exist'
  },
  'POST /api/v1/comments/[id]/decisions': {
    query: '',
    contentType: 'application/json',
    body: '{}',
    status: 400,
    why: 'no action and no version'
  },
  'POST /api/v1/ingest': {
    query: '',
    contentType: 'application/json',
    body: '{}',
    status: 415,
    why: 'JSON is not a document type the ingest takes'
  }
};
