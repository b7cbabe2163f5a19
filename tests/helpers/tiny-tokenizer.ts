/**
 * A small BERT WordPiece tokenizer in the Hugging Face `tokenizer.json` layout, the shape
 * transformers.js reads for bert-base-uncased and toxic-bert: BertNormalizer (lowercase),
 * BertPreTokenizer, WordPiece with `##` continuations, a [CLS] … [SEP] template.
 */

export const SPECIAL_TOKENS = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'] as const;

/** Whole words the tests use; anything else falls back to letters and `##letters`. */
const WORDS = [
  'you',
  'are',
  'a',
  'the',
  'good',
  'morning',
  'nice',
  'day',
  'to',
  'all',
  'i',
  'think',
  'this',
  'article',
  'is',
  'fair',
  'hateword',
  'swearword',
  '.',
  ',',
  '!',
  '?'
];

const LETTERS = [...'abcdefghijklmnopqrstuvwxyz0123456789'];

/** Token → id, specials first as in every BERT vocabulary. */
export function tinyVocabulary(): Map<string, number> {
  const tokens = [
    ...SPECIAL_TOKENS,
    ...WORDS,
    ...LETTERS.filter((letter) => !WORDS.includes(letter)),
    ...LETTERS.map((letter) => `##${letter}`)
  ];
  return new Map(tokens.map((token, id) => [token, id]));
}

function specialToken(content: string, id: number) {
  return {
    id,
    content,
    single_word: false,
    lstrip: false,
    rstrip: false,
    normalized: false,
    special: true
  };
}

export function tinyTokenizerJson(vocabulary: Map<string, number>): unknown {
  const idOf = (token: string): number => vocabulary.get(token) ?? 0;
  const template = (id: string) => ({ SpecialToken: { id, type_id: 0 } });
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIAL_TOKENS.map((token) => specialToken(token, idOf(token))),
    normalizer: {
      type: 'BertNormalizer',
      clean_text: true,
      handle_chinese_chars: true,
      strip_accents: null,
      lowercase: true
    },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [template('[CLS]'), { Sequence: { id: 'A', type_id: 0 } }, template('[SEP]')],
      pair: [
        template('[CLS]'),
        { Sequence: { id: 'A', type_id: 0 } },
        template('[SEP]'),
        { Sequence: { id: 'B', type_id: 1 } },
        { SpecialToken: { id: '[SEP]', type_id: 1 } }
      ],
      special_tokens: Object.fromEntries(
        ['[CLS]', '[SEP]'].map((token) => [
          token,
          { id: token, ids: [idOf(token)], tokens: [token] }
        ])
      )
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: {
      type: 'WordPiece',
      unk_token: '[UNK]',
      continuing_subword_prefix: '##',
      max_input_chars_per_word: 100,
      vocab: Object.fromEntries(vocabulary)
    }
  };
}

export function tinyTokenizerConfig(maxLength: number | undefined): unknown {
  return {
    tokenizer_class: 'BertTokenizer',
    do_lower_case: true,
    model_max_length: maxLength,
    cls_token: '[CLS]',
    sep_token: '[SEP]',
    pad_token: '[PAD]',
    unk_token: '[UNK]',
    mask_token: '[MASK]'
  };
}
