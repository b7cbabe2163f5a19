/**
 * The hand-written sections of the model card: data provenance with citations (from
 * ../shared/datasets/README.md) and the known limits and biases. Kept apart from the
 * renderer so that wording changes do not touch code.
 */

export const DATA_SECTION = `## Data and label mapping

Read at training time from \`../shared/datasets\` (never copied into this repository).
\`1\` = yes, \`0\` = no, \`null\` = the source does not say; each label is trained and
evaluated only on rows where it is not null.

| source | citation | mapping onto our labels |
|---|---|---|
| davidson | Davidson et al. 2017, *Automated Hate Speech Detection and the Problem of Offensive Language* (MIT), 24,302 tweets | hate → toxicity 1, identity_attack 1; offensive → toxicity 1; neither → 0, 0 |
| hatexplain | Mathew et al. 2021, *HateXplain* (validation split; CC BY 4.0), 1,918 posts | hatespeech → toxicity 1, identity_attack 1; offensive → toxicity 1; normal → 0; antisemitism 1 when hateful/offensive and ≥ 2 annotators name Jewish people as target |
| dghs | Vidgen et al. 2021, *Learning from the Worst* (dev split, v0.2.3), 3,500 | hate → toxicity 1, identity_attack 1; nothate → identity_attack 0 (toxicity unknown: counter-speech, quotes); threat 1 where type = threatening; antisemitism 1 where hate targets Jews |
| dghs-textonly | same data set, text and binary label only, 32,176 | hate → toxicity 1, identity_attack 1; nothate → identity_attack 0 |
| sbic | Sap et al. 2020, *Social Bias Frames* (agg. dev+test; CC BY 4.0), 8,763 | offensiveYN ≥ .5 → toxicity 1; group-targeted and offensive → identity_attack 1; targeting Jewish folks → antisemitism 1 |
| stormfront | de Gibert et al. 2018, *Hate Speech Dataset from a White Supremacy Forum* (CC BY-SA 3.0), 9,636 sentences | hate → toxicity 1, identity_attack 1; noHate → identity_attack 0 |
| toxigen | Hartvigsen et al. 2022, *ToxiGen*, human-annotated part (CDLA-Permissive-2.0), 6,982 machine-written texts | human toxicity ≥ 4 → toxicity 1, identity_attack 1; ≤ 2 → 0; antisemitism 1 when toxic and the target group is Jewish |
| goldstandard | Jikeli et al., *Annotated Corpus of Tweets Relating to Antisemitism*, GoldStandard2024 (IHRA definition; CC BY 4.0), 6,505 tweets | Biased → antisemitism 1 / 0 (many negatives mention Jews, Israel or slurs without being antisemitic) |

**profanity** and **insult**: no source labels them, and weak labels derived from a word
list would only teach the model to repeat the lexicon, so the model does not score them;
the lexicon does. **threat** has verdicts from dghs only (53 positives in all, about 8 in dev).`;

export const LIMITS_SECTION = `## Known limits and biases

- **Base rates are the corpora's, not a comment section's.** Toxicity is positive in about
  78 % of the rows that judge it (Davidson's tweets are mostly "offensive"), antisemitism in
  about 7 %. Calibrated probabilities and thresholds reflect that mix; on a real news
  comment section, where most comments are benign, the same threshold flags fewer true
  positives per flag (lower precision) than dev shows.
- **Swear words.** Davidson labels nearly every tweet with a swear word or slur "offensive",
  which we map to toxicity 1, so the model treats profanity itself as toxic, including
  friendly or self-directed swearing and reclaimed slurs (AAVE tweets are known to be
  over-labelled in this data set, Sap et al. 2019).
- **Identity terms mentioned neutrally.** Words such as "Jews", "Muslims", "gay", "Israel"
  are far more frequent in hateful rows than in benign ones in most sources, so neutral
  or supportive mentions score higher than they should. goldstandard's hard negatives
  (tweets about Jews and Israel that are not antisemitic) reduce this for antisemitism
  but do not remove it: its per-source AUC is the lowest of the antisemitism sources.
- **Counter-speech and quotes.** A bag of n-grams cannot tell a comment that quotes or
  condemns a slur or a conspiracy theory from one that uses it. Expect false positives on
  moderators' and journalists' language, on reports of antisemitic incidents, and on
  replies that push back. The lexicon's context rules (dampening) must correct for this.
- **Tweets vs long forum comments.** Most rows are tweets or single sentences (median ~80
  characters); the comments this project triages are longer. Features are L2-normalised,
  so one hostile sentence inside a long, calm comment weighs less than it would alone.
- **Coded antisemitism is rare in the training data.** The echo \`(((…)))\`, "ZOG",
  "Khazarian", "shekels", "the goyim know" and similar dogwhistles appear a handful of
  times at most; the model will miss most of them. The lexicon carries coded language;
  this model is a second opinion for explicit hostility.
- **Threat** rests on dghs alone: about 45 training and 8 dev positives. Its dev AUC has a
  wide interval and its threshold is fitted on a few examples; treat its score as weak
  evidence and rely on the lexicon for threats.
- **Machine-written text.** ToxiGen's texts are generated by a language model; their style
  differs from human comments.
- **English only.** Other languages get arbitrary scores.`;
