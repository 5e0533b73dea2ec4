"""Source and target of an event from the dependency parse.

Tokens are mapped to actor mentions by character offsets (``Actor.start``/``end``), so
the events stage works with whatever the actors stage finds. One module per construction:

- :mod:`.verb`: verbs, active and passive, target tiers tried in order;
- :mod:`.noun`: noun events ("Iran's attack on Israel", "the sale of jets to Jordan");
- :mod:`.resolve`: from a role token to its actors (modifiers, "of" phrases, conjoined
  actors: "the US and Britain condemned Iran and Syria" gives one role each);
- :mod:`.speaker`: reported speech ("Syria said it would withdraw") and the addressee;
  inside an attribution's content "we/our/us" are the speaker's actor and "you" the
  addressee; "it" takes the nearest earlier actor other than the source;
- :mod:`.places`: the source's own seat, bare place names, bodies placed in a state;
- :mod:`.domestic`: source and target in one country;
- :mod:`.filler`: the role filler and the per-article index of mentions;
- :mod:`.syntax`: dependency-tree helpers (prepositions' objects, infinitives, list
  members, nested tokens, the climb to an event verb's agent subject).

Anything else unresolved stays ``None``.
"""

from eventwire.events.roles.domestic import domestic
from eventwire.events.roles.filler import Filler, RoleContext
from eventwire.events.roles.noun import noun_roles
from eventwire.events.roles.resolve import resolve
from eventwire.events.roles.speaker import addressee
from eventwire.events.roles.syntax import agent_subject
from eventwire.events.roles.verb import verb_roles

__all__ = [
    "Filler",
    "RoleContext",
    "addressee",
    "agent_subject",
    "domestic",
    "noun_roles",
    "resolve",
    "verb_roles",
]
