/**
 * Words that Porter's stemmer cuts down to the stem of a different word: "authority" to "author",
 * "university" to "univers" (universe), "news" to "new", "majority" to "major". A question asking
 * "which author…" then matched "local authority", and "the majority of humanity" matched "a major
 * driving force". Each line is one family of forms, kept on a stem of its own; every other word
 * keeps Porter's stem. The families were found by grouping the 12,000 commonest English words by
 * Porter stem and splitting the groups whose words WordNet does not relate (no shared base form or
 * derived form), then keeping only the splits between words of unrelated meaning: "helpful" and
 * "help", or "planned" and "plan", stay one word.
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

/** The stem of each listed form: its family's first word and a mark no Porter stem has, so no other word shares it. */
const FAMILIES: ReadonlyMap<string, string> = new Map(
  TABLE.trim()
    .split('\n')
    .flatMap((line) => {
      const forms = line.trim().split(/\s+/u);
      return forms.map((form): [string, string] => [form, `${forms[0] ?? form}_`]);
    }),
);

/** The stem of its own family for a form listed above, undefined for every other word. */
export const familyStem = (word: string): string | undefined => FAMILIES.get(word);
