/**
 * The synthetic corpus's words: invented outlets, towns and people, and sentence parts that
 * combine into ordinary, rude and coded comments. All written for this benchmark; nothing is
 * copied from real pages. Coded phrases are forms from models/lexicon/lexicon.json, so the
 * lexicon matches them the way it would on a real page.
 */
export const OUTLETS = [
  'The Coastline Courier',
  'Northfield Ledger',
  'Harbour Town Gazette',
  'Valley Evening Post',
  'The Riverside Chronicle',
  'Midland Daily Standard',
  'Eastbrook Observer',
  'The Upland Herald'
] as const;

export const TOWNS = [
  'Marlow Bay',
  'Kestrel Point',
  'Ashcombe',
  'Drayford',
  'Linden Cross',
  'Saltmarsh',
  'Oakhurst',
  'Fennick'
];

export const SUBJECTS = [
  'ferry fares',
  'the harbour bridge',
  'school bus routes',
  'the town budget',
  'parking charges',
  'the new library',
  'flood defences',
  'the hospital wing',
  'council tax',
  'the tram extension',
  'street lighting',
  'the fishing quota'
];

export const ACTIONS = [
  'Council Votes to Delay',
  'Residents Object to',
  'Minister Backs Plan for',
  'Report Questions Cost of',
  'Court Rules on',
  'Inquiry Opens into',
  'Campaigners Celebrate Win on',
  'Budget Cuts Threaten'
];

export const FIRST_NAMES = [
  'Maria',
  'Tom',
  'Aisha',
  'Pavel',
  'Grace',
  'Hugo',
  'Ines',
  'Jonas',
  'Keiko',
  'Liam',
  'Nadia',
  'Oscar',
  'Priya',
  'Rafael',
  'Sofia',
  'Tariq',
  'Una',
  'Viktor',
  'Wen',
  'Yusuf'
];

export const LAST_NAMES = [
  'Wells',
  'Harper',
  'Okafor',
  'Lindqvist',
  'Moreau',
  'Brandt',
  'Castillo',
  'Dunmore',
  'Eklund',
  'Fairweather',
  'Greaves',
  'Holloway',
  'Ivanova',
  'Jarvis',
  'Kowalski',
  'Lachance'
];

/** Commenters' handles are built from these plus a number, so some authors recur often. */
export const HANDLE_STEMS = [
  'harbourwatcher',
  'quietvoter',
  'oldsalt',
  'bikecommuter',
  'taxpayer',
  'localmum',
  'retiredteacher',
  'nightshift',
  'gardenfan',
  'ferryregular',
  'skeptic',
  'numbersguy'
];

export const OPENERS = [
  'Honestly,',
  'As someone who lives here,',
  'I read the whole piece and',
  'Not sure about this, but',
  'Fair point, although',
  'Let us be clear:',
  'For what it is worth,',
  'My neighbour told me that',
  'Again and again',
  'If you look at the figures,'
];

export const CLAUSES = [
  'the council has known about the cost for years',
  'nobody asked the people who actually use the service',
  'the plan looks reasonable on paper',
  'the timing could hardly be worse for families',
  'the numbers in the report do not add up',
  'we were promised a consultation that never happened',
  'the old route worked perfectly well',
  'the contractor has missed every deadline so far',
  'prices keep rising while wages stay flat',
  'the minister should come and see it for herself',
  'small shops on the high street will pay the price',
  'the article leaves out the most important detail',
  'this was voted through at a half empty meeting',
  'other towns solved the same problem cheaply',
  'the staff are doing their best with very little',
  'a proper survey would settle the question',
  'the queue at the terminal was an hour long again',
  'my children depend on that bus every morning'
];

export const CLOSERS = [
  'Thanks for reporting it.',
  'We will see what happens at the next vote.',
  'Typical.',
  'Worth keeping an eye on.',
  'I hope they think again.',
  'Good to see some common sense for once.',
  'Someone has to pay for it in the end.',
  'Write to your councillor.'
];

/** Rude but not coded: insults and swearing, our own text. */
export const ABUSE = [
  'you pathetic idiot',
  'what a brainless moron',
  'shut up, nobody cares about your stupid opinion',
  'this is a load of crap',
  'go to hell, you worthless clown',
  'what a disgusting liar',
  'only a complete fucking idiot would believe this',
  'you are a spineless coward'
];

/**
 * Coded antisemitic phrases as the lexicon lists them (echo, mockery, conspiracy tropes);
 * `{name}` takes an invented surname so echoes tag a "person".
 */
export const CODED = [
  'of course the board is run by (((Dunmore)))',
  'ask yourself who owns the papers, (((them))) again',
  'the goyim know what this is really about',
  'check the early life section of the director',
  'every single time it is the same people',
  'the globalist elites want the harbour for themselves',
  'follow the shekels and you find the answer',
  'the rothschild bankers are behind the loan'
];
