/**
 * The lexicon from the database: an added entry fires with its explanation, a disabled
 * entry stops firing, an edited explanation is what spans carry, the version follows the
 * content (and returns when a change is undone), every change is audited, and bad entries
 * are refused per field with nothing stored.
 */
import { beforeEach, expect, it } from 'vitest';
import { listAuditEvents } from '../../src/lib/server/audit';
import { createClassifier } from '../../src/lib/server/classify';
import { loadShippedLexicon } from '../../src/lib/server/classify/lexicon/entries';
import {
  addLexiconEntry,
  loadAdminSettings,
  loadLexiconInForce,
  setLexiconEntryDisabled,
  setLexiconExplanation
} from '../../src/lib/server/settings';
import { lexiconOnlySettings, ZORBLAX } from '../helpers/classifier-settings';
import { addModerator, emptyModeration } from '../helpers/moderators';
import { describeEachEngine } from '../helpers/test-databases';

describeEachEngine('the lexicon from the database', (database) => {
  let admin = 0;
  const settings = lexiconOnlySettings();
  const classify = async (text: string) => {
    const classifier = await createClassifier(settings, await loadAdminSettings(database().db));
    return (await classifier.classify([text]))[0]!;
  };

  beforeEach(async () => {
    const db = database().db;
    await emptyModeration(db);
    await db.deleteFrom('lexicon_entries').execute();
    await db.deleteFrom('lexicon_edits').execute();
    admin = await addModerator(db, 'Ada');
  });

  it('fires an added entry with its explanation, and an edited explanation after', async () => {
    const db = database().db;
    expect((await classify('what a zorblax you are')).spans).toEqual([]);
    expect(await addLexiconEntry(db, ZORBLAX, admin)).toEqual({ ok: true, id: 'test-zorblax' });
    const added = await classify('what a z0rbl4x you are');
    expect(added.flagged).toEqual(['toxicity', 'insult']);
    expect(added.spans).toMatchObject([{ entryId: 'test-zorblax', reason: ZORBLAX.explanation }]);

    const reworded = 'Reworded: a made-up insult, kept only for these tests.';
    expect(
      await setLexiconExplanation(db, { id: 'test-zorblax', explanation: reworded, userId: admin })
    ).toEqual({ ok: true, id: 'test-zorblax' });
    expect((await classify('what a zorblax')).spans).toMatchObject([{ reason: reworded }]);
    const listed = (await loadLexiconInForce(db)).entries.find(
      (item) => item.entry.id === 'test-zorblax'
    );
    expect(listed).toMatchObject({ origin: 'added', addedBy: 'Ada', edit: { updatedBy: 'Ada' } });
  });

  it('stops firing a disabled shipped entry, and fires it again once enabled', async () => {
    const db = database().db;
    const fired = async () =>
      (await classify('what a hymie')).spans.some((span) => span.entryId === 'slur-hymie');
    expect(await fired()).toBe(true);
    await setLexiconEntryDisabled(db, { id: 'slur-hymie', disabled: true, userId: admin });
    expect(await fired()).toBe(false);
    await setLexiconEntryDisabled(db, { id: 'slur-hymie', disabled: false, userId: admin });
    expect(await fired()).toBe(true);
    const events = await listAuditEvents(db, { action: 'lexicon.' });
    expect(events.map((event) => [event.action, event.detail])).toEqual([
      ['lexicon.enable', { id: 'slur-hymie' }],
      ['lexicon.disable', { id: 'slur-hymie' }]
    ]);
  });

  it('changes its version with every change of content, and not otherwise', async () => {
    const db = database().db;
    const version = async () => (await loadLexiconInForce(db)).version;
    const shipped = String(loadShippedLexicon().version);
    expect(await version()).toBe(shipped);
    await addLexiconEntry(db, ZORBLAX, admin);
    const withEntry = await version();
    expect(withEntry).toMatch(new RegExp(`^${shipped}\\+[0-9a-f]{8}$`));
    await setLexiconEntryDisabled(db, { id: 'slur-hymie', disabled: true, userId: admin });
    const withDisabled = await version();
    expect(new Set([shipped, withEntry, withDisabled]).size).toBe(3);
    // Enabling again gives back the lexicon, so the version, comments were scored with.
    await setLexiconEntryDisabled(db, { id: 'slur-hymie', disabled: false, userId: admin });
    expect(await version()).toBe(withEntry);
    const classifier = await createClassifier(settings, await loadAdminSettings(db));
    expect(classifier.versions.lexicon).toBe(`threadwatch-lexicon@${withEntry}`);
  });

  it('refuses bad entries and explanations per field, storing nothing', async () => {
    const db = database().db;
    const badId = await addLexiconEntry(db, { ...ZORBLAX, id: 'Bad Id' }, admin);
    expect(badId).toMatchObject({ ok: false, errors: { id: 'kebab-case' } });
    const noForms = await addLexiconEntry(db, { ...ZORBLAX, forms: [] }, admin);
    expect(noForms).toMatchObject({
      ok: false,
      errors: { forms: 'an entry needs forms, patterns or an echo rule' }
    });
    const taken = await addLexiconEntry(db, { ...ZORBLAX, id: 'slur-hymie' }, admin);
    expect(taken.ok ? {} : taken.errors.id).toContain('exists already');
    const badPattern = await addLexiconEntry(db, { ...ZORBLAX, patterns: ['(unclosed'] }, admin);
    expect(badPattern.ok ? {} : badPattern.errors).toHaveProperty('patterns');
    const short = await setLexiconExplanation(db, {
      id: 'slur-hymie',
      explanation: 'too short',
      userId: admin
    });
    expect(short.ok ? {} : short.errors).toHaveProperty('explanation');
    const unknown = await setLexiconEntryDisabled(db, {
      id: 'no-such',
      disabled: true,
      userId: admin
    });
    expect(unknown).toMatchObject({
      ok: false,
      errors: { form: 'There is no lexicon entry no-such.' }
    });

    expect(await db.selectFrom('lexicon_entries').selectAll().execute()).toEqual([]);
    expect(await db.selectFrom('lexicon_edits').selectAll().execute()).toEqual([]);
    expect(await listAuditEvents(db, { action: 'lexicon.' })).toEqual([]);
    expect((await loadLexiconInForce(db)).version).toBe(String(loadShippedLexicon().version));
  });
});
