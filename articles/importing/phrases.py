"""What sites write around their articles, as data: the words of menus, share rows, tickers, captions,
appeals and warnings. The parser's rules (lines.py, persons.py, dates.py, cautions.py) say what a line
*is*; the phrases here are only the vocabulary those rules recognise. Add a site's wording here, never a
rule for one site.
"""

# Whole lines that are page furniture: navigation, accounts, sharing, widgets, placeholders.
CHROME_LINES = [
    r"skip to (?:main )?(?:content|navigation).*", r"skip to .{1,30}", r"skip navigation",
    # the same links and a breadcrumb's label in other languages ("Aller au contenu principal", "Sie lesen: Panorama")
    r"(?:aller|passer) au contenu(?: principal)?", r"(?:ir|saltar|pasar) al contenido(?: principal)?", r"zum inhalt springen",
    r"(?:vai|salta) al contenuto(?: principale)?", r"(?:ir|pular|saltar) para o conte[úu]do(?: principal)?",
    r"(?:sie lesen|sie sind hier|vous [êe]tes ici|usted est[áa] aqu[íi]|est[áa]s en|voc[êe] est[áa] em|sei in|ti trovi in)\s*:.{0,120}",
    r"continue reading the main story", r"share full article", r"image (?:source|caption|credit)\s*[,:]?.{0,60}", r"image may contain:.*", r"listen to (?:this )?(?:article|story|page|piece|post)\b.{0,20}", r"advertisement", r"sponsored(?: content)?", r"paid (?:content|post|partner(?: content)?)",
    r"logo", r"menu", r"close", r"advert", r"search", r"no results?", r"view all results?", r"home", r"hide ad(?:vert(?:isement)?)?",
    r"letters? to the editor", r"adblock(?:er)? detected", r"member-only story", r"published by", r"recent posts",
    r"you are here\s*:.{0,80}", r"archives? \d{4}\s*[-–]\s*\d{4}", r"the student (?:news|newspaper) (?:site|voice|source) of .{2,80}", r"[^+]{2,40} \+ ?\d{1,3} more",  # ("Bangladesh + 2 more": a tag list cut short)
    r"log\s*in", r"login", r"log\s*out", r"register", r"sign\s*up", r"sign\s*in", r"subscribe(?: via rss)?",
    r"donate(?: now| today| here)?", r"support", r"manage subscription", r"my account", r"forgotten password\?.*", r"@?\s*contact us",
    r"share", r"shares?", r"tweet", r"email", r"print(?: this)?(?: page| article| story)?", r"views?", r"comments?", r"likes?", r"latest",
    r"reading time\b.*", r"\d+\s+min(?:ute)?s?\s+read",
    # the same in other languages ("Lecture 4 min.", "Lesezeit: 3 Min.", "Tiempo de lectura: 5 min", "Leitura: 4 min")
    r"(?:lecture|lesezeit|tiempo de lectura|lectura|leitura|tempo de leitura|tempo di lettura)\s*:?\s*\d+\s*min\.?(?:utos?|uten|uti)?\.?",
    r"\d+\s*min\.?\s+(?:de lecture|lesezeit|de lectura|de leitura|di lettura)",
    # counters of a post's reactions ("1.2K reactions · 214 comments"), an ad blocker's notice
    r"[\d.,]+\s*[km]?\s+(?:reactions?|likes?|shares?|comments?|views?)(?:\s*[·|•,]\s*[\d.,]+\s*[km]?\s+(?:reactions?|likes?|shares?|comments?|views?))*",
    r"(?:we(?:['’]ve| have)? detected|it (?:looks|seems) like) (?:that )?you(?:['’]re| are)? using an? ad ?blocker\b.*",
    # a link with its count ("Closings & Delays (14)", "Comments (3)")
    r"[\w&'’ ]{3,30}\s*\((?!1[89]\d\d\)|20\d\d\))\d{1,4}\)",  # (never a title and its year: "Barbie (2023)")
    # a day's name in Irish, a site's day banner ("Dé Luain")
    r"(?:d[ée]\s+(?:luain|m[áa]irt|c[ée]adaoin|haoine|sathairn|domhnaigh)|d[ée]ardaoin)\b.{0,40}", r"share(?: on)? (?:facebook|twitter|whatsapp|email|linkedin).*",
    r"share\d+\s*tweet\d+.*", r"previous post", r"next post", r"read more", r"story continues below",
    r"related(?: (?:posts?|articles?|stor(?:y|ies)|topics?|coverage|content|links|reading|interviews?|videos?|galleries|podcasts?|news))?:?", r"related story:.*", r"more photos and videos", r"source link",
    r"powered by .{1,30}", r"updated", r"published", r"posted", r"accessibility (?:links|help)",
    r"(?:last\s+)?(?:updated|published|posted)(?:\s+(?:at|on))?\s*:?\s*\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[a-z]{2,4})?",
    r"\[an error occurred while processing this directive\]",
    r"this (?:article|story|page) was (?:first )?published .*\bago\.?", r"\d+\s+new articles?",
    r"we[’']re sorry, this feature is currently unavailable.*", r"(?:a\s+)+a", r"\(full-size photo\).*",
    r"watch one-minute world news", r"map:.*",
    r"\(read more\s*(?:\.{3}|…)?\s*\)", r"thread status:.*", r"\d{1,3}\s*(?:/|of)\s*\d{1,3}",  # (a gallery's counter, "3 / 10")
    r"reply(?: to (?:this|the) (?:post|thread|comment|topic))?", r"(?:reply|replies|responses?)\s*\(\d+\)", r"\d+\s+(?:replies|responses)",  # a comment counter
    r"(?:issue|vol\.?|volume)\s+\d+\b.{0,40}",  # a print issue ("Issue 47 · Winter 2023")
    r"translate(?: this (?:page|site|article|story))?", r"select (?:a )?language",
    # a release's or a notice's fields ("Contact: Sgt. Jane Doe, Public Information Officer", "Case #: 25-0141")
    r"(?:media |press )?(?:contact|case\s*(?:#|no\.?|number)|phone|tel(?:ephone)?|fax|incident\s*(?:#|no\.?|number))\s*:.{0,100}",
    r"(?:back\s+to\s+|go\s+to\s+|return\s+to\s+)?top(?:\s+of\s+(?:the\s+)?page)?\s*[↑^]?",  # a link back to the top
    r"it\s+is\s+(?:currently|now)\s+(?:mon|tue|wed|thu|fri|sat|sun)\w*\b.{0,40}",  # a forum's clock, never a date
    # a record's fields (a review's box, a journal's mood line, a newsletter's web link)
    r"(?:current (?:music|mood|location)|genre|publisher|pages|rating|price|developer|platforms?|runtime|format|isbn)\s*:.{0,80}",
    r"view (?:this email|this newsletter|it|this) (?:in|on) (?:your|a|the) (?:web )?browser.*",
    # a menu's own buttons and a search box's label
    r"(?:(?:open|close|toggle|show|hide)\s+(?:the\s+)?(?:menu|navigation|search)\s*)+", r"search (?:for|the site|this site)\s*:?",
    r"search (?:this|the|our) (?:blog|site|website|archive)\s*(?:\.{3}|…)?",  # a search box's placeholder
    r"(?:views?|reads?|hits?|plays?)\s*:?\s*\d[\d\s.,]*[km]?",  # a counter with its label ("Views: 5 412")
    r"republish this (?:story|article)", r"(?:email(?: address)?\s+)?sign (?:me )?up(?: now)?",  # a form's buttons
    # a share button alone on its line
    r"(?:facebook|twitter|whatsapp|telegram|linkedin|reddit|pinterest|messenger|flipboard|bluesky|copy link)",
    # a masthead's motto with the year it began ("Published by the Students of Johns Hopkins since 1896", "Serving the
    # valley since 1921"; "Run by one family since 1952" may be a subheading)
    r"published\s+by\s+.{2,60}\s+since\s+1[6-9]\d\d", r"(?:proudly\s+)?serving\s+.{2,60}\s+since\s+1[6-9]\d\d",
    # a blog's archive page heading over the posts it lists ("Tag Archives: Blog Culture", "Category Archives: News",
    # "Showing posts with label war. Show all posts", "Posts tagged ‘memory’", "Archive for the ‘Essays’ Category")
    r"(?:tag|category|monthly|yearly|daily|author|date)\s+archives?\s*:.{1,80}",
    r"showing posts (?:with label|from|for|sorted by)\b.{1,120}", r"posts? tagged\s*(?::\s*\S.{0,60}|[‘'\"“].{1,60}[’'\"”])",
    r"archive for (?:the )?(?:[‘'\"“].{1,60}[’'\"”](?:\s+(?:category|tag))?|.{1,60}\s+(?:category|tag))",
]

# A weather widget ("Weather: Light rain, 9C", "WEATHER: 41°F Clear | Freeze watch tonight", "Dublin 12°C"): furniture (looked for only in a line holding "°" or
# opening with "Weather").
WEATHER_WIDGET = (r"^(?:weather\s*:?\s*[^.!?]{0,30}?-?\d{1,3}\s*°?\s*[cf]\b[^.!?]{0,40}"
                  r"|[^.!?]{0,30}?(?<!\w)-?\d{1,3}\s*°\s*[cf]?(?!\w)[^.!?]{0,20})$")

# The words of a site's menu row ("Home About Contact", "News Sport Weather"): a line made only of these
# (two or more) is navigation, never a headline.
NAV_WORDS = frozenset(
    "home about contact news sport sports weather opinion business culture lifestyle life travel food health "
    "politics world local national entertainment tech technology science video videos podcasts podcast blog "
    "shop archive archives search menu subscribe login register account newsletter newsletters events "
    "jobs classifieds obituaries comment comments features reviews music arts books tv radio "
    # a newsroom's other common sections
    "crime education environment climate money property motoring cars fashion style beauty family parenting "
    "religion media film movies gaming football cricket rugby golf tennis markets economy finance investing "
    "careers wellbeing space analysis investigations africa asia europe americas uk us australia canada india "
    "china elections law justice courts immigration defence defense military weekend magazine letters "
    "editorials columnists photos galleries more featured latest trending popular headlines stories".split()
)

# Lines that close the article: what follows is the page around it.
END_OF_ARTICLE = [
    # a press release's contacts ("For more information, please contact:", "Notes to editors", "Media enquiries: …")
    r"for (?:more|further) information.{0,40}\bcontact\b.*", r"unsubscribe\b.*", r"sent (?:on|at) (?:\d{1,2} [a-z]+ \d{4}|[a-z]+ \d{1,2},? \d{4}).*", r"notes? (?:to|for) editors\s*:?.*",
    r"(?:for )?(?:media|press) (?:enquiries|inquiries|contacts?)\b.*",
    # a blog's own footer: who posted it and when, its labels, its comments ("Posted by Name at 21:12", "4 comments:")
    r"posted by .{2,60}? at \d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?", r"labels?:\s.{2,200}", r"\d+ comments?:",
    r"email this\s*blog\s*this!?.*",
    r"share(?: on)? (?:facebook|twitter).*", r"share\d+\s*tweet\d+.*", r"previous post", r"next post",
    r"comments are closed\.?", r"please log\s*in to (?:join|comment).*", r"leave a (?:reply|comment)",
    r"we need your help\b.*", r"support us", r"get involved!?", r"can you help\b.*",
    r"(?:you )?(?:may|might) also like:?", r"related(?: (?:posts?|articles?|stor(?:y|ies)|topics?|coverage|content|links|reading|interviews?|videos?|galleries|podcasts?|news))?:?",
    r"(?:sign up|subscribe) to our newsletter.*", r"more photos and videos", r"source link", r"comments",
    r"blog comments powered by .*",
    r"share (?:this|the) (?:article|story|post|page|briefing|newsletter|edition|roundup)\b.*", r"share (?:this|on|via)\s*:?", r"share(?: this)?:?(?:\s+(?:facebook|twitter|x|whatsapp|telegram|email|linkedin|reddit|pinterest|copy link)[\s|,·•]*)+",
    r"tags?\s*:.*", r"topics?\s*:.*", r"filed under\s*:?.*", r"(?:©|copyright\s+(?:©\s*)?\d{4}|\(c\)\s*\d{4}).*", r"all rights reserved\.?.*",
    r"(?:join|start) the (?:conversation|discussion)\b.*", r"(?:leave|post|add|write) a (?:comment|reply|response)\b.*",
    r"\d+\s+(?:comments?|responses?|replies)", r"(?:what do you think|have your say)\??.*", r"comment on this (?:article|story)\b.*",
    r"(?:sign up|subscribe) (?:for|to) (?:our|the) .{0,40}newsletters?\b.*", r"get (?:our|the) .{0,40}newsletter\b.*",
    r"about the author:?", r"more from .{1,40}", r"(?:recommended|suggested)(?: for you| stories| articles)?:?",
    r"(?:more|related|latest|top) (?:stories|articles|news|coverage|videos)\b:?", r"(?:read|see) (?:more|also|next)\s*:\s*\S.*",
    r"what to read next", r"around the web", r"(?:additional\s+)?reporting by [^.]{2,60};\s*(?:writing|editing) by .*",
    r"(?:report|found) (?:an|a) (?:error|typo|mistake)\b.*",
    # A share or reaction prompt standing alone ("Share this:", "Share this article", "Like this:"), a next-story
    # label ("Read next", "Up next") and a site's index.
    r"share(?: this)?(?: (?:article|story|post|page))?\s*:?", r"like this\s*:?", r"(?:read|up|watch) next\s*:?",
    r"site (?:index|map)",
    # An author's box after the article ("Written by Jane Doe"), a tip line ("Do you have a story for us? Email
    # …"); a short line ending in an e-mail address (END_OF_ARTICLE_CUED).
    r"(?:[—–-]\s*)?(?:written|story|words|text)(?: and (?:photos|photographs|pictures|images))? by\s+\w(?:[^.!?]|(?<=\b[A-Z])\.){1,40}", r"(?:do you have|got) a (?:story|news tip|tip)\b.*",
    # A blog's filing line ("Posted in Essays"), a press release's end mark ("###", "-30-", "ENDS") and the
    # organisation's box after it ("About the group"), a share prompt with a comment ("Share or comment on
    # this article:").
    r"(?:posted|filed) in\s+\w[^.!?]{0,60}", r"#{3,}", r"-\s*30\s*-", r"[-–—]?\s*ends\s*[-–—]?", r"about (?:the|us|our)\b.{0,40}",
    r"share (?:or|and) comment on (?:this|the) (?:article|story|post|page)\b.*",
    # A topics box, reuse and corrections links, a footer's label, "More regional news", a comment count, a
    # print edition's note.
    r"explore more on (?:these|this) topics?", r"reuse this content", r"corrections and clarifications",
    r"footer(?: links| navigation| menu)?", r"more(?: \w+){0,3} (?:news|stories|articles|headlines)",
    r"read \d[\d,]* comments?", r"gift (?:this |the )?article", r"a version of this article appears in print\b.*",
    # A tag or topic list's label alone, a newsletter box's label, a link to the outlet's standards.
    r"tags?|topics?", r"newsletters?:?", r"our (?:standards|editorial (?:standards|policy|guidelines)|ethics policy)\b.*",
    # "More on this story", a prompt to follow the writer, any sign-up box, the readers' comments.
    r"more on (?:this|the) (?:story|topic|subject)", r"follow .{1,40} on (?:twitter|x|facebook|instagram|bluesky|threads|mastodon)\b.*",
    r"(?:sign up|subscribe) (?:for|to) .{1,50}", r"(?:readers?['’]?|user) comments?",
    # A newsletter or blog platform's sign-off ("Thanks for reading …! Subscribe …", "… leave a clap"), its reaction buttons, a
    # script-less page's comment box, "More about" a list of topics, a wire's contributor line.
    r"thanks for reading\b.*\b(?:subscri\w*|sign up|share|clap)\b.*", r"restack", r"please enable javascript\b.*", r"more about:?",
    r"(?:associated press|ap|reuters|afp) (?:writers?|reporters?|correspondents?) .{1,80} contributed(?: to this report)?\.?",
    r"(?:additional )?reporting (?:was )?contributed by .{1,80}",
    # An opinion page's disclaimer, a paywall's prompt, a licence's links, an error
    # report link, a tip line, a resources box, a comment count, a print edition's line with its date, a promotion
    # of the broadcast, a link to the original language, a live blog's "Load more", an agency's end mark ("-- NNA"),
    # a blog's filing line, a review's verdict box.
    r"(?:the )?(?:views|opinions) (?:and opinions )?expressed (?:in|here|by|on|above)\b.*",
    r"(?:guest posts|columns|opinion pieces|op-eds|letters)(?: on this \w+)? (?:are|reflect) (?:solely )?(?:the )?(?:views|opinions) of\b.*",
    r"subscribe (?:now |today )?to (?:continue|keep) reading\b.*", r"(?:to )?(?:continue|keep) reading,? (?:subscribe|sign in|log in|register|become)\b.*",
    r"this (?:article|story|content) is (?:only )?(?:for|available to) (?:paying )?(?:subscribers|members)\b.*", r"already a (?:subscriber|member)\?.*",
    r"republish this (?:story|article)\b.*", r"creative commons licen[cs]e\b.*",
    r"(?:text|content|this (?:work|page|article|story)) is (?:available|licensed|published|released) under (?:a |the )?creative commons\b.*",
    r"more (?:articles|posts|stories|writing) (?:by|from) .{1,60}", r"(?:most relevant|top|all|newest|oldest|latest) comments", r"sign (?:the|our|a) guest ?book\b.{0,40}", r"guest ?book(?: entries)?",
    # Other stories of the outlet's, its method ("How we rate claims"), a reference page's closing sections and
    # its edit note, a taxonomy box's label ("Region / Country", "Categories: …").
    r"other (?:news|stories|articles|posts)(?: (?:in|from|about|on) .{1,40})?", r"view all (?:news|stories|articles|posts)\b.{0,40}",
    r"how we (?:rate|check|verify|fact-?check|choose|work|report|fund)\b.{0,40}",
    r"(?:references|footnotes|bibliography|external links|further reading|notes and references|works cited)\s*:?",
    r"this page was last (?:edited|modified|updated)\b.*", r"(?:categor(?:y|ies)|keywords?)\s*:.*",
    r"(?:region|country|countries|location|topics?|themes?|issues?|categor(?:y|ies)|subjects?)\s*(?:/|&|and)\s*"
    r"(?:region|country|countries|location|topics?|themes?|issues?|categor(?:y|ies)|subjects?)\s*:?",
    r"(?:this (?:article|story|work) is )?(?:licensed|published|republished) under (?:a |the )?creative commons\b.*",
    r"spot(?:ted)? an? (?:error|mistake|typo)\b.*", r"do you have (?:any )?(?:information|a tip|news)\b.*",
    r"help for [^:]{1,60}:\s+if you\b.*", r"comments?\s*\(\d+\)", r"\d+\s+(?:responses?|comments?|replies|thoughts) (?:to|on)\b.*",
    r"published in .{2,60},\s+(?:\w+\.?,?\s+){1,3}\d{4}\.?", r"watch (?:the )?full (?:story|report|interview|episode)\b.*",
    r"read (?:this|it|the (?:article|story)) in [a-z]+\b.*", r"load more(?: updates| posts| stories| entries)?\b.*",
    r"(?:--|—)\s*(?-i:[A-Z]{2,6})", r"this entry was posted in\b.*", r"verdict\s*:\s*(?:\d+(?:\.\d+)?\s*/\s*\d+|[★☆]+).*",
    # A credit after the text ("With files from …", "Reporter: NAME"), a
    # letter's valediction ("With gratitude and love from all of us,"), a podcast page's chapters.
    r"with (?:files|information|reporting|additional reporting|contributions) (?:from|by)\s+.{2,80}", r"reporter\s*:\s*[^.]{2,60}",
    r"(?:with (?:gratitude|love|thanks|warm wishes|best wishes)|yours (?:sincerely|faithfully|truly)|best wishes|kind regards|warm regards|in solidarity)\b[^.!?]{0,40},",
    r"chapters:?", r"mentioned in (?:this|the) episode:?",
    # A tag row labelled "Tagged:", a newsletter platform's comments, a wire's credit in brackets ("(With inputs
    # from …)"), a comment policy, a letters prompt, another section's stories ("More in Crime & Safety"), a help
    # box's heading ("Where to get help"), a company's boilerplate under its name ("About Northfield Dairy Co.").
    r"tagged(?:\s+(?:with|in|as))?\s*:.*", r"discussion about this (?:post|article|story|episode|thread)",
    r"\(?with inputs from [^)]{2,60}\)?\.?", r"we welcome (?:your )?(?:comments|feedback|letters)\b.*",
    r"have something to say\b.{0,200}", r"related (?:topics?|tags?|subjects?|themes?)\s*:.*",
    r"share (?:this|the) (?:live ?blog|blog|gallery|episode|video|report|thread|live updates)\b.{0,40}",
    r"(?-i:MORE (?:ON|FROM|ABOUT) [A-Z0-9][A-Z0-9 ,.'’&:-]{2,60})",  # "MORE ON THE BUDGET PROTESTS" over its links
r"more in (?-i:[A-Z])[\w’'-]*(?:[\s&,]+[\w’'-]+){0,4}",
    r"where to (?:get|find) (?:help|support)\b.{0,60}",
    r"about (?-i:[A-Z])[\w&'’.-]*(?:\s+[\w&'’.-]+){0,5}\s+(?:co\.?|inc\.?|ltd\.?|llc|plc|group|foundation|trust|association|"
    r"society|institute|corporation|corp\.?|company)",
    # A forum post's close: its edit note, the next post's number, a signature's delimiter.
    r"last edited(?: by [^:]{1,40})?:?\s.{0,40}", r"reply\s+#\d{1,6}", r"--",
    # Another section's stories ("Other News in Police Department").
    r"other (?:news|stories|articles|posts)\b.{0,40}",
    # A museum's or a venue's visiting details after the text: opening hours, tickets, admission, the way there.
    r"plan your visit\b.*", r"(?:opening|visiting) (?:hours|times)\s*(?::.*)?", r"(?:book|buy|get) (?:your )?tickets?\b.{0,40}",
    r"tickets?(?: (?:and|&) prices?)?\s*(?::.{0,80})?", r"admission(?: prices?)?\s*(?::.{0,80})?", r"getting (?:here|there)\s*:?",
    r"visitor information\s*:?", r"(?:how to )?find us\s*:?", r"responses",
    r"open (?:daily|every day|(?:mon|tues|wednes|thurs|fri|satur|sun)days?(?: (?:to|-|–) (?:mon|tues|wednes|thurs|fri|satur|sun)days?)?),?"
    r" (?:from )?\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)?\s*(?:to|-|–)\s*\d.*",
]
# Lines that close the article too, whose patterns scan the line: each looked for only in a line holding its cue
# (lower case). A short line ending in an e-mail address, a commenter's "Name said…", a comment policy ("… is run
# as a safe space."), a tip line's prompt.
END_OF_ARTICLE_CUED = [
    ("@", r"(?=.{0,100}$).*\b[\w.+-]+@[\w-]+\.[\w.]+\s*"),
    (" said", r"[^.!?]{2,40} said(?:\.\.\.|…)"),
    ("safe space", r".* is run as a safe space\..*"),
    ("reblogged this", r"\S{2,60} reblogged this from\b.*"),  # a reblogging site's notes, the readers' own words among them
    ("tip", r".{0,80}\b(?:send|submit) (?:it|them|us (?:a|your) \w+) (?:to|via) (?:our|the) (?:whatsapp )?(?:tip ?line|tips? desk)\b.*"),
]

# A reader's comment under the article: its reaction buttons on a line of their own ("Reply", "Like · Reply",
# "Report"), under the commenter's name and when they wrote ("gardener_jim" / "3 days ago"; blocks.find_end).
COMMENT_ACTIONS = (r"^(?:[↳⤷→]\s*)?(?:(?:reply|like|likes?\s*\(?\d+\)?|\d+\s+likes?|report|flag|upvote|downvote|quote|permalink)"
                   r"\s*[↓↑·•|]?\s*){1,4}$")
# A commenter's name with the verb that opens their comment ("gardener_jim wrote:", "Ann Li says:").
COMMENT_HEAD = r"^\S+(?:\s+\S+){0,3}\s+(?:wrote|says|said|writes|replied|commented)\s*:?$"

# Notes about the article itself, set between its header and its text (or after it), rather than part of it: a
# reviewer's disclosure, a partnership, republication, translation or correction note, an editor's note that
# explains rather than warns (a warning is read first), a press release's attribution, a guest post's credit, a
# note on where the piece first appeared or appears in print, a fact check's boxes ("Claim: …", "Rating: FALSE"), a
# live page's invitation, what the outlet chose not to show. Whole lines; the body opens after them.
ARTICLE_NOTES = [
    r"(?:review|press|screener|preview|advance)\s+(?:code|copy|copies|key|keys|access|build)\b.{0,40}\b(?:provided|supplied|given|sent)\b.*",
    r"(?:i|we)\s+(?:received|was sent|were sent|was given)\s+(?:an?\s+)?(?:free\s+|complimentary\s+|advance\s+|digital\s+)?"
    r"(?:e-?arc|arc|review copy|copy|(?:advance )?(?:reader|review)(?:['’]s)? copy|galley)\b.*",
    r"this (?:article|story|report|piece|post|review|essay|interview|column|episode|investigation|feature|project|series)"
    r" (?:was |is |has been )?(?:(?:originally|first) (?:published|appeared)|first appeared|appear(?:s|ed)? (?:in|on)|produced|updated|"
    r"corrected|amended|translated|republished|part of|published (?:in|on|by|with)|a (?:partnership|collaboration))\b.*",
    r"this (?:article|story|report|piece|investigation|feature|project|series) (?:was|is) (?:co-published|reported|written|made|funded|supported)"
    r" (?:in partnership|in collaboration|jointly|with (?:the )?(?:support|funding|help)|by)\b.*",
    r"editor[’']?s[’']? note\s*[:.–—-].*", r"disclaimer\s*:.*",
    r"(?:correction|clarification|updated?)\s*:\s*(?:this|an earlier|a previous|the)\s+(?:story|article|version|post|piece|report)\b"
    r".{0,60}\b(?:updated|corrected|amended|changed|misstated|incorrectly|misspelled|misidentified|stated|edited|said|named|gave|reported)\b.*",
    r"(?:it|this) was (?:originally|first) published\b.*", r"(?:originally|first) published (?:in|on|by|at)\b.*",
    r"translated (?:from \w+ )?by\b.*", r"please attribute\b.*", r"(?:a\s+)?guest (?:post|essay|column|blog|article|piece) (?:by|from)\b.*",
    r"(?:the\s+)?(?:claim|fact|rating|our rating|verdict|conclusion(?: in brief)?)\s*:\s*\S.{0,300}",
    r"follow (?:our|along with our) live (?:coverage|updates|blog)\b.*",
    # A newsroom's promise to update ("This story will be updated."; "X will update this story …": ARTICLE_NOTES_CUED;
    # a report's own update, "This report will be updated every year", is the story's)
    r"this (?:story|article|page|post) (?:will|may) be updated\b.*", r"this is a (?:developing|breaking) story\b.*",
        r"we (?:have )?(?:chosen|decided) not to\b.*", r"we (?:have|did) not (?:embed|embedded|show|shown|publish|published|include|included|link|linked)\b.*",
]
# Asides that may stand over an article's first paragraph but never open it (they may close it): how the text came
# to be ("This account was sent to our team … and has been lightly edited for length."), who the writer is in the
# outlet's words ("The writer is a lawyer based in Lahore."), a help line for readers the story may affect ("If you
# are affected by any of the issues raised in this story, contact …").
OPENING_ASIDES = [
    r"(?:support|help) is available\b.{0,200}\b(?:call|text|line|helpline|lifeline|\d{3})\b.*",
    r"this (?:account|interview|testimony|conversation|transcript|letter|diary|dispatch) (?:was|has been|is)\b.{0,120}\b(?:edited|condensed|translated)\b.*",
    r"(?:the\s+)?(?:writer|author|columnist|contributor)\s+is\s+(?:an?|the\s+(?:author|editor|founder|director|head|chair|former))\s+[^.!?]{0,160}[.]?",
    r"if (?:you|anyone)(?: or (?:someone|anyone) you know)? (?:are|is|have been|were|feel|need|[’']re)\b.{0,80}?"
    r"\b(?:affected|struggling|distress|support|help|suicidal|at risk)\b.{0,200}?\b(?:contact|call|text|visit|helpline|lifeline|samaritans|\d{3})\b.*",
    # a pointer to another piece ("Read a letter from our editor, Sam Seekings, about this submission here.")
    r"read (?:a|the|our|more|an)\b.{0,120}\bhere[.!]?",
]
# Notes about the article or the outlet that sit at its end (or under its header), whole lines: that the story
# will be updated or is developing, that the page is a summary of another outlet's story, a reference page's note
# on what it is about, a prompt to follow the outlet's coverage, what funds the journalism ("LDR is local body
# journalism co-funded by …"), and what the outlet is ("The Courier is a member of the News Council.", "… is a
# reader-supported publication", "… is a non-profit newsroom").
OUTLET_NOTES = [
    r"this (?:story|article|post|page) (?:will|may|might|could) be updated\b.*", r"this is an? (?:developing|breaking)(?: news)? story\b.*",
    r"this (?:is|was) an? (?:summary|excerpt|extract|abridged version|shortened version|digest) of (?:a|an|the) (?:story|article|report|piece|post)\b.*",
    r"this (?:article|page|entry) is about\b.{0,200}", r"for other uses,? see\b.{0,100}",
    r"follow (?:our|along with our|all (?:of )?our|[\w’'.-]+['’]s?) (?:live |full |latest |continuing |ongoing )?(?:coverage|updates|reporting)\b.{0,80}",
    r"(?:follow|stay with us|keep up) (?:along )?(?:for|with|here for) (?:the|our|all the) (?:latest|live updates|updates)\b.{0,160}",  # a live page's invitation
    r"(?:this|our)\s+(?:[\w-]+\s+){0,3}(?:journalism|reporting|coverage|story|article|series|position|beat|reporter)\s+"
    r"(?:is|was|are|were|has been)\s+(?:co-?funded|funded|underwritten|made possible|supported)\s+(?:in part\s+)?(?:by|through|with)\b.{0,160}",
]
# The same, whose patterns scan the line from any first word: each looked for only in a line holding its cue (as
# END_OF_ARTICLE_CUED).
OUTLET_NOTES_CUED = [
    ("will ", r"[\w .&'’-]{1,40} will (?:update|continue to update|have more on) this (?:story|article|post|page)\b.*"),
    *((cue, r"(?:[\w'’.&-]+\s+){0,6}(?:is|are|was)\s+(?:[\w-]+\s+){0,4}(?:journalism|reporting|coverage)\s+"
            r"(?:co-?funded|funded|underwritten|made possible|supported)\b.{0,160}")
      for cue in ("fund", "underwritten", "possible", "supported")),
    ("initiative", r"(?:the\s+)?(?:[\w'’.&-]+\s+){0,3}(?:journalism|reporting|news)\s+(?:initiative|fund|program(?:me)?)\s+is\s+"
                   r"(?:co-?funded|funded|underwritten|made possible|supported)\b.{0,160}"),
    ("member of", r"(?:the\s+)?[\w .&'’-]{1,50} is (?:a|an) (?:proud |founding )?member of (?:the )?[\w .&'’-]{0,40}(?:press|news|media|journalism|editors|publishers).{0,200}"),
    (" is a", r"(?:the\s+)?[\w .&'’-]{1,50} is (?:a|an) (?:[\w ,-]{0,40}\b(?:reader|listener|viewer|member|subscriber|volunteer|community)[- ](?:supported|funded|run|owned|powered|led)\s+(?:[\w-]+\s+){0,3}"
             r"|(?:independent |local |non-?profit |not-for-profit |nonpartisan |non-partisan |community |charitable |volunteer-run )+)"
             r"(?:newsroom|news\b|publication|publisher|radio|station|magazine|site|website|blog|newsletter|outlet|newspaper|paper|journalism|media)\b.{0,200}"),
]
# An obituary's service notices set above or below its text ("Visitation: Friday, …", "Funeral Mass: …"), the
# funeral home's credit and the tribute store's prompt: the obituary's furniture, not its paragraphs.
OBITUARY_NOTES = [
    r"(?:visitation|viewing|wake|calling hours|funeral(?: mass| service)?|memorial (?:service|mass)|burial|interment|"
    r"committal|celebration of life|reception)\s*:\s*\S.{0,200}",
    r"arrangements (?:are )?(?:by|with|entrusted to|under the (?:care|direction) of)\s+\S.{0,100}",
    r"to (?:plant a tree|send flowers|leave a (?:condolence|message)) (?:in memory of|for|to)\b.{0,120}",
]

# Lines that are furniture when they close the text (blocks._without_tail), whole lines: a prompt to join the
# outlet's channel, a charity's donation asks ("£60 could pay for …"), a reblogging site's notes ("x liked this",
# "x posted this"), a row of hashtags, a row of reaction buttons or counts, a lone button ("Follow", "Bookmark"),
# a blog's sign-off with a first name alone ("— Efua").
CLOSING_LINES = [
    r"join\b.{0,60}\b(?:telegram|whatsapp|signal|viber|discord)\b.{0,100}",
    r"(?:[£$€₦¥₹]|(?:ksh|kes|usd|eur|gbp|r|rs\.?)\s?)\d[\d,.]*\s+(?:could|can|will|would)\s+(?:help\s+)?(?:pay|provide|buy|fund|give|cover|feed|keep|supply|send|train|equip)\b.{0,160}",
    r"[\w.-]{2,40} (?:liked|posted|reblogged|shared|reposted) this\b.{0,80}",
    r"(?:[£$€₦¥₹]\s?\d[\d,.]*\s*){2,}(?:other(?: amount)?)?",  # a donation form's amounts ("£5  £10  £20  Other")
    r"#[^#\s][^#]{0,40}(?:#[^#\s][^#]{0,40})+",
    r"(?:(?:reblog|like|comment|repost|reply|send|share|follow|save|♡|❤|♥|💬|🔁)\s*){2,}",
    r"follow|unfollow|bookmark|save(?: for later)?|add to (?:favou?rites|reading list)|\d*\s*claps?",
    r"(?:—|–|--)\s*[A-Z][\w'’-]{1,20}(?:\s+[A-Z]\.?)?\s*[.!x]*",
]

# Notes about the article whose patterns scan the line, each looked for only in a line holding its cue (as above):
# a reviewer's disclosure ("… in exchange for an honest review").
ARTICLE_NOTES_CUED = [
    ("exchange", r".{0,80}\bin exchange for an? (?:honest|fair|unbiased) review\b.*"),
    ("update this", r"[\w’' ]{1,40} will (?:continue to )?update this (?:story|article|page|post)\b.*"),
]

# A fact check's box under the headline, its labels on lines of their own ("CLAIM", "VERDICT") over the claim and
# the rating ("FALSE"): what follows a label or a rating belongs to the box, and the body opens after it.
FACT_BOX_LABELS = r"(?:the\s+)?(?:claim|what was claimed|fact|rating|our rating|verdict|our verdict|conclusion)\s*:?"
RATING_WORDS = (
    r"(?:mostly\s+|partly\s+|half[- ])?(?:false|true|misleading|fake|fabricated|unproven|unsupported|incorrect|correct|"
    r"accurate|inaccurate|satire|altered|doctored|missing context|no evidence|needs context|exaggerated)[.!]?"
)

# A summary box's label under the headline ("Summary", "Key points"): its short items are not the body.
SUMMARY_LABELS = (r"summary|key points|key facts|highlights|in brief|at a glance|in short|what you need to know|the big picture"
                  r"|the story so far|tl;?dr|quick read")

# What a contributor's note says after the name ("… is a senior studying …", "… is a photographer and writer
# based in …", "… is head of services at …"): one of these words.
BIO_WORDS = (
    r"reporter|writer|journalist|correspondent|editor|photographer|photojournalist|columnist|contributor|student|senior|junior|"
    r"freshman|sophomore|author|researcher|producer|professor|lecturer|director|freelancer|freelance|novelist|poet|"
    r"filmmaker|based in|head of|fellow|intern|critic|historian|volunteer|member of"
)
BIO_VERBS = r"writes (?:about|on|for)|covers|reports (?:on|for)"

# Boxes set inside an article (a most-read list, an advert): the label and the short lines under it
# are left out, and the article goes on with the next running text.
SIDEBAR_LABELS = [
    r"advertisement", r"(?:continue reading|story continues) below(?: advertisement)?", r"most (?:read|popular|viewed|shared)\b.*",
    r"trending(?: now| stories)?:?", r"(?:editor['’]s )?picks?:?", r"(?:don['’]t miss|must read|also read|read also|see also)\b:?.*",
    r"(?:watch|listen)\s*:.*", r"advertisement\s+most (?:read|popular|viewed)\b.*", r"(?:read|see) more\s*:?",
    r"related(?:\s+(?:story|stories|article|articles|coverage|reading))?\s*:\s*\S.{0,120}",
    # The same boxes in the languages the newsroom imports from ("Lo más leído", "Mehr zum Thema", "À lire aussi")
    r"lo m[aá]s (?:le[ií]do|visto)|m[aá]s le[ií]d[oa]s|te puede interesar|lee tambi[eé]n|le[ea] m[aá]s|noticias relacionadas",
    r"[àa] lire aussi|lire aussi|les plus lus|sur le m[êe]me sujet|dans la m[êe]me rubrique",
    r"mehr zum thema|meistgelesen|auch interessant|das k[öo]nnte sie interessieren|weitere artikel",
    r"leia tamb[ée]m|mais lid[ao]s|veja tamb[ée]m|leggi anche|i pi[uù] letti|pi[uù] letti|potrebbe interessarti",
]

# A sponsor's credit set inside the article (public radio's underwriting): the label and the one line under it
# (the sponsor's name and slogan, a sentence often) are left out.
SPONSOR_LABELS = r"(?:support(?: for [\w .&'’-]{1,60})? comes from|(?:this (?:story|content|programme|program|segment) is )?(?:sponsored|underwritten) by)\s*:?"

# Names on a share row ("Facebook Twitter Email"): a line made only of these is furniture.
SHARE_WORDS = r"facebook|twitter|x|whatsapp|telegram|email|e-mail|linkedin|reddit|pinterest|messenger|copy|link|print|share|sms|flipboard|tumblr|threads|bluesky|instagram|mastodon"

# Marks of a photo or video caption: a credit, a gallery counter, an agency in brackets.
CAPTION_MARKS = [
    # A credit closing a caption: "(Jane Doe/The Outlet)", "Supplied: Surf Life Saving", "PHOTO | NAME | OUTLET".
    r"\([A-Z][\w .'’-]{1,40}/[\w .'’-]{2,40}\)\s*$", r"\bsupplied(?::|\s+by)\s+\S[^.]{0,60}$", r"\bphoto\s*\|\s*[A-Z]",
    r"\bphotograph:\s", r"\bphoto:\s", r"\bpicture:\s", r"\bimage:\s", r"\bpicture from\b", r"\bphoto(?:graph)? by\b",
    r"\[(?:getty|reuters|ap|afp|epa|pa|supplied)[^\]]*\]\s*$", r"\((?:getty|reuters|afp|epa|shutterstock|alamy)[^)]{0,40}\)\s*$", r"^\d+ of \d+\s*\|", r"^(?:associated press|ap|reuters|afp|getty images) photo$",
    r"\s/\s[A-Z][\w ]+(?:and agencies|agencies|images)$",
    r"^(?:photography|photographs|pictures|illustrations?|graphics)(?:\s+by)?\s*:\s",
    r"^(?:photography|photographs|pictures|illustrations?|graphics?|art(?:work)?|cartoons?)\s+by\s+\S",
    # an agency's name run into the caption it closes, the space lost with the markup ("France Truck AttackGetty")
    r"(?-i:[a-z](?:Getty(?: Images)?|Shutterstock|Alamy))$",
    # A video's or a picture's description under its marker, in sentences ("[Video] Crews fight the fire. Viewer
    # discretion is advised."; a headline under a marker ends with no full stop)
    r"^[\[(](?:video|photo|picture|image)s?[\])]\s+\S.*[.!]$",
    # A credit closing a caption in other shapes: "… | Photo Credit: Name", "… (Photo courtesy of the council)",
    # "… © 2026 Outlet", "… Antara Foto via REUTERS".
    # (few patterns, each opening with a word or a sign: every one is searched through the line)
    r"\b(?:photo\s+credits?\s*:\s*\S|(?:photo|foto|picture|image)s?\s+(?:via\s+[A-Z][\w ]{1,30}$|courtesy\s+of\b))",
    r"©(?<=\S\s©)\s*(?:\d{4}\s+)?[A-Z][^.!?]{1,60}$", r"(?<=\s)(?:via|/)\s+(?:reuters|ap|afp|getty images|epa|anadolu|xinhua)\s*$",
]
# News agencies, whose name alone on a line over the text credits the copy ("Reuters", "The Associated Press").
WIRE_AGENCIES = (r"reuters|afp|agence\s+france[- ]presse|ap|associated\s+press|pa(?:\s+media)?|press\s+association|upi|"
                 r"united\s+press\s+international|efe|dpa|xinhua|pti|ani|ians|bernama|aap|anadolu(?:\s+agency)?|"
                 r"kyodo(?:\s+news)?|yonhap|tass|ria\s+novosti|bloomberg|cnn\s+wire|nexstar\s+media\s+wire")
# An agency's name in capitals and its photographer's after the picture's description ("… on Sunday. AGENCY/Jane Doe"):
# a caption (endings.has_caption_mark looks for it only where a capital stands before a slash near the line's end).
AGENCY_PHOTO_CREDIT = r"(?:(?<=[.!?]\s)|(?<=[.!?][\"”’]\s))[A-Z]{2,12}/[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3}$"
# A credit closing a caption, after the picture's description, in the other forms sites give it: "… on Saturday.
# Photo / Supplied", "… Image Credit: Reader photo", "| Photo Credit: NAME", "… (AA Photo)", "… 2019. Branch photo.",
# "… Sketch: OUTLET/NAME", "… © OUTLET/NAME", "… Foto via AGENCY". Each ends the line: looked for in its last
# CREDIT_TAIL characters only.
CAPTION_CREDITS = [
    r"\b(?:photo|image|picture|video|foto)\s*credits?\s*:\s*\S[^.]{0,60}$", r"\b(?:photo|picture|image|foto)\s*/\s*[A-Z][\w .&'’-]{1,60}$",
    r"\((?:[A-Z][\w&.'’-]*\s+){1,3}(?:photo|photograph|picture|image|foto)\)\s*$",
    r"[.!?]\s+(?:[A-Z][\w'’-]*\s+){0,3}(?:photo|photograph|picture|image|foto)\.?$",
    r"[.!?\"”]\s+(?:sketch|illustration|drawing|artwork|graphic|painting)\s*:\s*\S[^.]{0,60}$",
    r"[.!?\"”]\s+©\s*(?:\d{4}\s+)?[A-Z][^.]{1,60}$", r"\s(?:photo|foto|picture|image)s?\s+via\s+[A-Z][^.]{0,40}$",
    # a photographer and their agency opening the caption ("Aris Messinis / AFP / Scanpix / LETA A home on fire …")
    r"^(?:[A-Z][\w.'’-]*\s+){1,3}/\s*(?:AFP|Reuters|AP|EPA|Getty Images|Scanpix|ANP|DPA|Xinhua|TASS|AAP|PA|Shutterstock|Anadolu)\b",
]
CREDIT_TAIL = 90
# A label that introduces a video or gallery caption when it opens a line under the headline.
CAPTION_LABELS = r"watch|video|photos?|gallery|listen|pictured|in pictures"

# Credits that are not a person: a byline naming one of these has no author.
GENERIC_CREDITS = [
    r"staff(?: reporter| writer)?s?", r"(?:our|a) (?:correspondent|reporter)", r"news desk", r"newsdesk",
    r"editorial (?:staff|team|board)", r"the editors?", r"web (?:desk|team)", r"agencies", r"admin(?:istrator)?",
    r"press association", r"associated press", r"reuters", r"afp", r"guest (?:author|contributor)",
    # a newsroom's or a desk's own name ("Kivu Voice Newsroom", "Santiago Weekly Business Desk")
    r"(?:[\w'’&.-]+\s+){0,4}(?:newsroom|news\s*desk|desk|staff|team|bureau|newsteam)",
    r"(?:corporate |media |public )?(?:communications|media relations|press office)(?: (?:team|office|unit|department))?",
]
# A credit that names no one, alone on its line without "By" ("Staff Correspondent", "Newsroom").
NO_ONES_CREDIT = (r"(?:(?:staff|special|senior|our|a|own)\s+)?(?:correspondent|reporter|writer)s?|(?:the\s+)?newsroom"
                  r"|news\s*desk|web\s+desk|staff\s+and\s+agencies")
# Words that are not part of a person's name: a line made with one ("The Setup", "Expand Image") is a
# heading or furniture, not a byline (persons.is_person_name, with nameparser).
NOT_NAME_WORDS = [
    "the", "a", "an", "this", "that", "our", "my", "your", "every", "no", "oh", "yes", "not", "all", "more", "most",
    "expand", "image", "images", "photo", "photos", "picture", "video", "gallery", "story", "stories", "text",
    "read", "view", "share", "follow", "subscribe", "news", "home", "menu", "search", "latest", "live", "update",
    "updates", "next", "previous", "related", "sign", "log", "click", "watch", "listen", "episode", "part",
    "chapter", "setup", "opinion", "editorial", "analysis", "review", "comment", "comments", "advertisement",
    "on", "in", "of", "for", "to", "from", "with", "about", "after", "before", "why", "how", "what", "when",
    "warning", "warnings", "trigger", "content", "contents", "note", "notes", "update", "breaking",
    # what a menu, a fact check or a place's name is made of ("Fact Check", "Download PDF", "Asia Pacific", "Tana River")
    "fact", "check", "download", "pdf", "print", "español", "english", "français", "edition",
    "asia", "asian", "pacific", "africa", "african", "europe", "european", "america", "americas", "caribbean",
    "atlantic", "arab", "gulf", "middle", "coast", "river", "valley", "county", "district", "region", "province",
    "island", "islands", "bay", "lake", "mountain", "mountains", "highlands", "city", "town", "republic",
    "report", "reports", "situation", "press", "release", "statement",
    # a field's label or a topic's, never a name ("Publish Date", "Rohingya Crisis", "Adblock Detected")
    "publish", "published", "date", "author", "crisis", "conflict", "adblock", "detected", "tragic", "awareness",
    "updated", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "alert", "prevention",
    # what names a court, a body or an institution, never a person ("Central Criminal Court", "Mayo County Council")
    "court", "courts", "tribunal", "magistrates", "criminal", "supreme", "council", "ministry", "department",
    "agency", "commission", "parliament", "assembly", "senate", "university", "hospital", "institute", "foundation",
    "association", "office", "police", "constabulary", "authority",
    "new", "south", "north", "east", "west",  # ("South Sudan", "New Zealand"; a bare "Oliver North" is lost to this)
]
# A label or a section's name set off by a bar before a headline, as a page's title gives it ("Opinion | …",
# "Lifestyle | …", "World News | …"): left off the headline. A topic before a bar ("Brexit | …") is kept.
SECTION_LABELS = r"opinion|analysis|commentary|comment|column|editorial|review|explainer|perspective|letters?"
SECTION_NAMES = (r"news|world|local|national|international|uk|us|politics|business|money|sports?|culture|arts|life|lifestyle"
                 r"|health|science|tech(?:nology)?|entertainment|travel|food|education|environment|climate|society|features?"
                 r"|crime|justice|courts|weather|books|music|film|tv|media|opinions|blogs?|latest|breaking")
# A street or a place in a town, which a caption names with the town after it ("Surrey Street, Balby"): no one's name.
PLACE_WORDS = r"street|road|avenue|boulevard|highway|square|lane|drive|station|airport|bridge|park|market"
# Where a writer works, after their name and a comma ("Jane Doe, McGill University", "…, Ruhr-Universität Bochum"): parts
# of a word, so that the name in other languages is met too.
AFFILIATION_WORDS = r"univers|institut|college|hochschule|academy|hospital|school\b|foundation|laboratory|faculty"
# Job titles after a byline's name ("Sam Okafor, Health Correspondent"): not another author.
ROLE_WORDS = (
    r"correspondent|editor|reporter|writer|columnist|producer|contributor|analyst|journalist|photographer|"
    r"staff|chief|bureau|desk|presenter|anchor|critic|commentator|researcher|intern|"
    # roles outside a newsroom that follow a name the same way ("Louise Tremblay-Ouellette, Branch Historian")
    r"historian|secretary|treasurer|archivist|curator|chaplain|co-?ordinator|spokes(?:person|man|woman)|volunteer|"
    r"lecturer|blogger|officer|manager|team|adviser|advisor|fellow|"
    # the same after a name in other languages ("di Marco Ferretti, inviato a Genova", "Lucía Fernández, corresponsal")
    r"corresponsal|correspondant|korrespondent(?:in)?|inviat[oa]|enviad[oa]|envoy[ée]e?|redacci[óo]n|r[ée]daction|redaktion|"
    r"reda[çc][ãa]o|periodista|journaliste|giornalista|jornalista|redakteur(?:in)?|rep[óo]rter"
)
# Words that may stand before a job title glued to a byline's name with no comma ("By JANE DOE Senior Staff Writer").
ROLE_MODIFIERS = frozenset(
    "senior staff chief deputy associate assistant contributing special managing executive political local city news "
    "sports business health crime courts court education investigative features foreign national regional digital "
    "freelance social".split()
)

# Words that end a news outlet's name after a byline ("Jane Doe Los Angeles Times").
OUTLET_WORDS = [
    "Times", "Post", "News", "Press", "Nation", "Tribune", "Herald", "Journal", "Telegraph", "Guardian", "Independent",
    "Mail", "Star", "Globe", "Chronicle", "Gazette", "Agency", "Wire", "Reuters", "AFP", "AP", "Bureau",
    "Courier", "Echo", "Express", "Observer", "Mirror", "Sun", "Standard", "Daily", "Weekly", "Edition", "Paper",
    "Magazine", "Radio", "TV", "Media", "Sentinel", "Courant", "Ledger", "Dispatch", "Bulletin", "Register", "Examiner",
    "Enquirer", "Inquirer", "Monitor", "Citizen", "Advocate", "Beacon", "Clarion", "Insider", "Digest", "Mercury",
    "Advertiser", "Argus", "Gleaner", "Statesman", "Informer", "Tidings",
]
# The outlet words no one is named (an outlet's name may be a place and one of these: "Kenya Times"; "Emily Post"
# and "Mary Star" are people).
OUTLET_ONLY_WORDS = [
    "Times", "News", "Press", "Tribune", "Herald", "Journal", "Gazette", "Chronicle", "Telegraph", "Daily", "Weekly",
    "Magazine", "Media", "Radio", "TV", "Bulletin", "Dispatch", "Advertiser", "Enquirer", "Inquirer",
]
# Words too common to tell what a line is about (headline.py's told_below looks for a line's other words below it).
COMMON_WORDS = (
    "this that with from have been were will would could should their there they them what when where which while "
    "about after before over into than then also more most some such only just said says told your you"
).split()

# Warning labels in other languages; what follows them must speak of distress (FOREIGN_DISTRESS_WORDS).
FOREIGN_WARNING_LABELS = (
    r"advertencia|aviso(?:\s+de\s+conte[nú]\w+)?|atenci[oó]n|aten[çc][ãa]o|avertissement|mise\s+en\s+garde"
    r"|attention|attenzione|avvertenza|avviso|(?:inhalts|trigger)warnung|warnung|achtung|hinweis"
)
FOREIGN_DISTRESS_WORDS = (
    r"sensib|herir|impact|perturb|violen|muert|cad[aá]ver|restos\s+humanos|dur[oa]s?\b|gr[aá]fic|choqu|choc"
    r"|bless|mort|sangl|brutal|verst[öo]r|belast|gewalt|grausam|leich|tod|verletz|sensí|chocant|forte"
    r"|angosci|disturb|crud|vittim|suic"
)
# Content warnings: the labels that open a stated warning, and the verbs of a sentence announcing
# what an article contains ("This article will discuss death and suicide.").
WARNING_LABELS = (
    r"(?:strong\s+|graphic\s+)?(?:content|trigger|reader|viewer|visitor|listener|audience)\s+(?:warning|note|advisory)s?"
    r"|editor[’']?s[’']?\s+note|(?:(?:very\s+)?(?:important|serious|urgent)\s+)?warning|graphic\s+content|cw,\s*tw|tw,\s*cw|cw|tw|cn|tw/cw|cw/tw"
    r"|(?:viewer|reader|listener|audience|visitor)\s+discretion(?:\s+(?:is\s+)?(?:advised|recommended)\.?)?"
    r"|sensitive\s+(?:content|material|subject\s+matter|topics?)|(?:a\s+)?warning\s+(?:to|for)\s+(?:our\s+)?(?:readers|viewers|listeners|visitors)"
    r"|(?:content|trigger)\s+warnings?\s+for\s+(?:the|this)\s+\w+"  # "Content warnings for the book: …"
    # Labels that open other notes too ("Please note: comments are moderated"): a warning only when what
    # follows speaks of harm (cautions.HARM) or distress.
    r"|(?:a\s+)?(?:quick\s+|short\s+)?note\s+before\s+you\s+(?:read|watch|listen)(?:\s+on)?|before\s+you\s+(?:read|watch|listen)(?:\s+on|\s+further)?"
    r"|please\s+note|(?:just\s+)?(?:a\s+)?(?:quick\s+)?heads[\s-]up(?:\s+before\s+you\s+(?:read|watch|listen)(?:\s+on)?)?"
    r"|a\s+(?:quick\s+|short\s+)?note|caution|advisory"
    # The same labels in the languages the newsroom imports from (Spanish, Portuguese, French, Italian, German):
    # "Advertencia: esta nota contiene imágenes …", "Avertissement : ce reportage …", "Achtung: …", soft labels all.
    rf"|{FOREIGN_WARNING_LABELS}"
)
SOFT_WARNING_LABELS = (r"^(?:editor|(?:a\s+)?(?:quick\s+|short\s+)?note|before|please|(?:just\s+)?(?:a\s+)?(?:quick\s+)?heads|caution|advisory"
                       rf"|{FOREIGN_WARNING_LABELS})")
# What a warning speaks of, when its label alone does not make it one ("Heads up: … the death of a parent …").
HARM_WORDS = (
    r"suicid\w*|self-harm|deaths?|dying|killings?|killed|violen\w+|abuse|assault\w*|rape|torture|injur(?:y|ies)|wounds?"
    r"|miscarriage|stillbirth|pregnancy loss|eating disorders?|gore|blood|bodies|corpses?|shelling|bombing\w*|war|trauma\w*"
    r"|grief|murder\w*|racism|slurs?|overdose|addiction|disturbing|distressing|graphic|dead|died|massacres?|starvation"
)
ANNOUNCED_THINGS = (
    r"article|post|webpage|web page|page|story|report|piece|video|footage|gallery|thread|episode|feature|blog|"
    r"content|book|film|podcast|interview|entry|section|chapter|images|photos|photographs|update|issue|letter|newsletter|"
    r"review|essay|column|transcript|account|profile|obituary|documentary|series|game|program|programme|broadcast|exhibition|"
    r"website|site|statement|release|media release|press release"
)
ANNOUNCING_VERBS = (
    r"contains?|discuss(?:es)?|will\s+discuss|includes?|deals?\s+with|describes?|depicts?|features?|"
    r"shows?|mentions?|refers?\s+to|covers?|explores?|touches\s+on|has\s+(?:a\s+)?(?:trigger|content)\s+warning"
)
# What warnings talk about: a sentence after the first of a warning belongs to it if it says one of these.
WARNING_WORDS = (
    r"graphic|disturb|distress|upsett|troubl|harrow|trigger|sensitive|discretion|readers|viewers|"
    r"images?|photo|footage|video|bodies|death|suicide|self-harm|harmful|violence|abuse|assault|rape|content note"
)

# Money appeals, wherever they stand.
APPEAL = (
    r"\b(?:donat(?:e|ion|ing)|chip(?:ping)?\s+in|support\s+us|make\s+a\s+(?:regular|one-off)\s+(?:donation|payment)"
    r"|become\s+a\s+(?:member|patron|supporter))\b"
)

# Promotions of the site itself, wherever they stand: apps, newsletters, notifications, memberships.
PROMOTION = (
    r"\b(?:download|install|get)\s+(?:the|our)\s+(?:[\w-]+\s+){0,3}app\b|\bget all (?:your|the) news\b|\bin one place\b"
    r"|\bnewsletters?\b|\b(?:straight )?(?:to|in) your inbox\b|^follow (?:the |us )?(?-i:[A-Z])[\w&' ]{2,40}$|\bnotifications?\b|\bad[- ]free\b|\bsubscribe\b|\bsign up\b|\bfollow us\b"
    r"|\bsupport (?:us|(?:[\w-]+ ){1,2}journalism)\b|\bbecom(?:e|ing) a (?:free or paid |paid or free |paid |free )?(?:member|subscriber|creator|supporter)\b|\breader-supported\b|\bcookies?\b|\bprivacy policy\b"
    r"|\bfree (?:shipping|delivery|gift)\b|\bsend us (?:your|a|an)\b|\bvalue your privacy\b|\byour privacy (?:choices|settings|options)\b|\b(?:accept|reject) all\b|\bmanage (?:cookies|preferences|consent)\b"
    r"|\bstart (?:creating|your free trial)\b|\bfree trial\b|\bclick here\b|\bwatch live\b|\blisten live\b"
    r"|\bjoin (?:our|the)\b.{0,40}\b(?:channel|community|whatsapp|telegram)\b|\bstand a chance to win\b|\bwin (?:rewards|prizes)\b"
    r"|\b(?:book|buy|get|reserve)\s+(?:(?:a|an|your|our|free|timed)\s+){0,3}tickets?\b"
    r"|^help (?:keep|us keep) .{2,40} free\b|^yes[.,!]? i['’]ll (?:give|donate|support)\b|^your (?:donation|gift|support) (?:will|helps|can)\b"
)
# An advertisement's call to act ("Home loans from 9.5% – Apply now"), a competition ("WIN £10,000 CASH IN OUR
# GIVEAWAY") and a podcast's promotion ("Sunday Edition out now - Listen to our weekly politics podcast"): a
# line of page furniture (kept apart from PROMOTION, which every line is searched with).
ADVERT = (
    r"^advertise (?:with|on|in) (?:us|our)\b"
    r"|\b(?:apply|book|shop|order|donate|register|enrol|enroll|buy|claim|enter)\s+(?:now|today)\s*[.!]?$"
    r"|^win\s+(?:an?\s|£|\$|€|₦|₹|\d)|\bgiveaway\b|\blisten to (?:our|the) (?:\w+\s+){0,3}podcast\b|\bout now\b"
)
# A site greeting its reader ("Hello, welcome to the Harbour Gazette", "Welcome to the Valley Herald!"): a greeting
# word and a comma first, or the site's name after it naming an outlet (phrases.OUTLET_WORDS, checked by the caller).
GREETING = r"^(?:(?P<hello>[^,]{1,20}),\s*)?welcome\s+(?:back\s+)?to\s+(?:the\s+)?(?P<site>(?:[A-Z\u0100-\u024f][\w'’.&-]*\s*){1,5})[!.]?$"
# What a dated document calls itself before its date ("Media Release – 27 June 2024", "Statement - 3 May 2025").
DOCUMENT_KINDS = r"(?:(?:media|press|news)\s+releases?|(?:joint\s+)?statements?|notices?|announcements?|bulletins?|advisor(?:y|ies)|news)"
# What a match of PROMOTION, LIVE_STRIP or WARNING_WORDS always holds, in lower case (lines.CuedPattern looks for
# them first): keep each pattern's cues in step with it (tests/test_importer_stages.py checks them).
PROMOTION_CUES = (
    "app", "get all", "in one place", "newsletter", "inbox", "follow", "notification", "free", "subscribe", "sign up", "follow us",
    "support", "becom", "cookie", "privacy", "send us", "accept all", "reject all", "manage ", "start ",
    "click here", "watch live", "listen live", "join ", "stand a chance", "win ", "ticket", "ll give", "ll donate", "ll support", "your ",
)
LIVE_STRIP_CUES = ("live", "as it happened", "latest updates", "minute")
WARNING_WORDS_CUES = (
    "graphic", "disturb", "distress", "upsett", "troubl", "harrow", "trigger", "sensitive", "discretion", "readers",
    "viewers", "image", "photo", "footage", "video", "bodies", "death", "suicide", "self-harm", "harmful", "violence",
    "abuse", "assault", "rape", "content note",
)
# Labels that open a ticker or a live strip rather than a headline ("Breaking: Live updates from …").
LIVE_STRIP = r"\blive(?:\s+blog|\s+updates?|\s+coverage|:)|\bas it happened\b|\blatest updates\b|\bminute[- ]by[- ]minute\b"
TICKER_LABELS = (r"^(?:breaking(?:\s+news)?|ultim[’']ora|[úu]ltima\s+hora|derni[èe]re\s+minute|le\s+fil\s+info|eilmeldung|urgente|(?:[a-z]+\s+){0,2}alerts?(?=\s*[:|–—-]|\s*$)|live(?:\s+updates?)?|latest(?:\s+news)?"
                 r"|just\s+in|developing|trending(?:\s+now)?|watch\s+live|top\s+stories|in\s+the\s+news"
                 r"|(?:ticker|(?:hot\s+)?topics|flash)(?=\s*[:|–—▸-])|(?:traffic|travel|roads?)(?=\s*:))\b\s*[:|–—▸-]?")
# An alert's label alone on its line, the alert's words on the next ("SEVERE WEATHER ALERT" / "Ice storm warning
# until 6 p.m."): a banner across the page, not its headline.
ALERT_LABELS = r"^(?:breaking(?:\s+news)?|(?:[a-z]+\s+){0,2}alerts?|just\s+in|developing(?:\s+story)?|news\s*flash)\s*:?$"
# Labels that point to another story ("MORE: …", "READ: …", "Related: …"): a link, not the headline.
POINTER_LABELS = (
    r"^(?:more|read(?:\s+more|\s+also|\s+next)?|also\s+read|see\s+also|related(?:\s+(?:story|article|stories))?"
    r"|recommended|don[’']t\s+miss|must\s+read|previously|up\s+next)\s*:\s*\S"
)
# Picture credits standing alone on a line ("Getty Images", "AP Photo/Jane Doe").
CREDIT_LINES = (r"^(?:getty(?:\s+images)?|shutterstock|alamy|istock(?:photo)?|ap(?:\s+photo)?|reuters|afp|epa|pa(?:\s+media)?|file(?:\s+photo)?"
                r"|supplied|stock\s+image|(?:photo\s+|image\s+|picture\s+)?credits?\s*:\s*)\b.{0,40}$")  # ("Credit: Jo Lee")

# Languages a site offers its pages in, by the names its language picker gives them ("Bahasa Indonesia |
# English", "සිංහල | தமிழ் | English", "EN | FR").
LANGUAGES = frozenset(
    "english français francais french español espanol spanish deutsch german português portugues portuguese "
    "italiano italian nederlands dutch polski polish русский russian українська ukrainian türkçe turkish "
    "العربية عربي arabic 中文 简体中文 繁體中文 chinese 日本語 japanese 한국어 korean हिन्दी hindi বাংলা bangla bengali "
    "اردو urdu فارسی farsi persian עברית hebrew ελληνικά greek svenska norsk dansk suomi íslenska "
    "bahasa melayu malay indonesia kiswahili swahili hausa yorùbá yoruba igbo amharic አማርኛ somali soomaali "
    "afrikaans isizulu isixhosa tagalog filipino සිංහල sinhala தமிழ் tamil తెలుగు telugu मराठी marathi "
    "ગુજરાતી ગujarati ਪੰਜਾਬੀ punjabi नेपाली nepali ไทย thai tiếng việt vietnamese cymraeg gaeilge gàidhlig "
    "català euskara galego română magyar čeština slovenčina hrvatski srpski српски български "
    "en fr es de pt it nl pl ru uk tr ar zh ja ko hi bn ur fa he el sw id ms".split()
)

