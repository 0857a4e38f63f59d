import { createHash } from 'node:crypto';

/**
 * Words that Porter's stemmer cuts down to the stem of a different word: "authority" to "author",
 * "university" to "univers" (universe), "news" to "new", "majority" to "major". A question asking
 * "which author…" then matched "local authority", and "the majority of humanity" matched "a major
 * driving force". Each line is one family of forms, kept on a stem of its own; every other word
 * keeps Porter's stem. The families were found by `scripts/find-stem-families.ts`, which groups the
 * 12,000 commonest English words by Porter stem and splits the groups whose words WordNet does not
 * relate (no shared base or derived form); only the splits between words of unrelated meaning are
 * kept: "helpful" and "help", or "planned" and "plan", stay one word.
 */
const TABLE = `
news
business businesses
busy busier busiest
important importance importantly
generous generously
generic generics
general generally generals
experiment experiments experimented experimenting
communication communications communicate communicates communicated communicating communicator communicators communicative
communism communist communists
university universities
universe universes
author authors authored authoring
polite politely politeness
internal internally
intern interns
organ organs organic organically organism organisms
positive positively
department departments
responsible responsibly responsibility responsibilities
apartment apartments
hospitality
witness witnesses witnessed witnessing
united unite unites uniting
several
severe severely severity
definitely definite
designate designated designates designating designation
initial initially initials
considerable considerably
conventional conventionally
affection affectionate
competent competence competency competencies
liberal liberals
corporal
celebrity celebrities
statue statues
morale
mineral minerals
paste pasted
integrity
providence
publication publications
humane
incoming
aide aides
informal informally
majority majorities
`;

/**
 * Nouns of the one who does something, which Porter stems as the doing: a coordinator is not
 * coordination, nor a provider provision. All that `scripts/find-stem-families.ts` finds among the
 * 30,000 commonest words, each with its plural. A question about one a passage lacks still reaches
 * the doing through WordNet, at a bridge's weight.
 */
const AGENTS = `
computer computers
manager managers
commander commanders
murderer murderers
elevator elevators
reporter reporters
operator operators
producer producers
announcer announcers
narrator narrators
photographer photographers
refrigerator refrigerators
cheerleader cheerleaders
investigator investigators
housekeeper housekeepers
generator generators
employer employers
designer designers
recorder recorders
publisher publishers
container containers
gardener gardeners
reminder reminders
observer observers
intruder intruders
destroyer destroyers
believer believers
opener openers
typewriter typewriters
traveler travelers
defender defenders
admirer admirers
receiver receivers
revolver revolvers
offender offenders
commentator commentators
navigator navigators
predator predators
examiner examiners
composer composers
performer performers
detonator detonators
avenger avengers
translator translators
retainer retainers
dictator dictators
decorator decorators
consumer consumers
caterer caterers
radiator radiators
exterminator exterminators
fertilizer fertilizers
fundraiser fundraisers
explorer explorers
pretender pretenders
tranquilizer tranquilizers
manufacturer manufacturers
interpreter interpreters
perpetrator perpetrators
administrator administrators
entertainer entertainers
transporter transporters
coordinator coordinators
undertaker undertakers
propeller propellers
extinguisher extinguishers
challenger challengers
dispatcher dispatchers
provider providers
attacker attackers
listener listeners
widower widowers
accelerator accelerators
negotiator negotiators
terminator terminators
calculator calculators
escalator escalators
controller controllers
bulldozer bulldozers
ventilator ventilators
informer informers
inhaler inhalers
vibrator vibrators
voyager voyagers
crusader crusaders
treasurer treasurers
programmer programmers
blackmailer blackmailers
adviser advisers
jeweler jewelers
choreographer choreographers
dispenser dispensers
promoter promoters
eraser erasers
incubator incubators
hitchhiker hitchhikers
contender contenders
locator locators
silencer silencers
spectator spectators
developer developers
indicator indicators
scavenger scavengers
molester molesters
lecturer lecturers
regulator regulators
stenographer stenographers
traveller travellers
simulator simulators
freelancer freelancers
researcher researchers
retriever retrievers
incinerator incinerators
chiseler chiselers
adventurer adventurers
deserter deserters
supporter supporters
communicator communicators
enquirer enquirers
recruiter recruiters
follower followers
enforcer enforcers
remover removers
collaborator collaborators
wanderer wanderers
equator equators
commuter commuters
litigator litigators
aviator aviators
denominator denominators
impersonator impersonators
stabilizer stabilizers
invader invaders
sharpshooter sharpshooters
transformer transformers
synthesizer synthesizers
reviewer reviewers
analyzer analyzers
hijacker hijackers
shoplifter shoplifters
defibrillator defibrillators
educator educators
laborer laborers
softener softeners
organizer organizers
decoder decoders
headliner headliners
interviewer interviewers
snowboarder snowboarders
embezzler embezzlers
equalizer equalizers
womanizer womanizers
subscriber subscribers
comforter comforters
freshener fresheners
adjuster adjusters
presenter presenters
seducer seducers
redeemer redeemers
betrayer betrayers
landscaper landscapers
liberator liberators
alternator alternators
oscillator oscillators
embalmer embalmers
poisoner poisoners
sharpener sharpeners
flatterer flatterers
jeweller jewellers
interrogator interrogators
abuser abusers
facilitator facilitators
prizefighter prizefighters
`;

/**
 * The stem of each listed form: its family's first word and a mark no Porter stem has, so no other
 * word shares it. Words reach the stemmer in British spelling ("organiser"; see `britishSpelling`),
 * so an "-izer" form is listed as "-iser" too.
 */
const FAMILIES: ReadonlyMap<string, string> = new Map(
  `${TABLE}\n${AGENTS}`
    .split('\n')
    .map((line) => line.trim().split(/\s+/u).filter((form) => form !== ''))
    .filter((forms) => forms.length > 0)
    .flatMap((forms) => forms.flatMap((form) => [form, form.replace(/([iy])z(ers?)$/u, '$1s$2')]).map((form): [string, string] => [form, `${forms[0] ?? form}_`])),
);

/** Names this table: an index stemmed with another one is rebuilt, not read with the wrong stems. */
export const STEM_FAMILIES_DIGEST = createHash('sha256').update(TABLE).update(AGENTS).digest('hex').slice(0, 16);

/** A plural's singular, as English spells most: "designations" → designation, "authorities" → authority. */
const singular = (word: string): string | undefined =>
  /[^aeiou]ies$/u.test(word) ? `${word.slice(0, -3)}y` : /(?:ss|us|is)$/u.test(word) ? undefined : word.endsWith('s') ? word.slice(0, -1) : undefined;

/**
 * The stem of its own family for a form listed above, or for the plural of one ("designations"),
 * undefined for every other word.
 */
export const familyStem = (word: string): string | undefined => {
  const listed = FAMILIES.get(word);
  if (listed !== undefined) return listed;
  const one = singular(word);
  return one === undefined ? undefined : FAMILIES.get(one);
};
