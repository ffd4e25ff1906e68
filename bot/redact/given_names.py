"""Given names and surnames common among the people the service meets, in their scripts.

Cues ("my name is", a role, a sign-off) find a name where a writer introduces it, but people
name each other anywhere: "me and Kasia Nowak", "from Tom Fletcher", "NOWAK Katarzyna",
"ja i Tomek Zieliński", "أنا مع سارة العلي", "আমি আর জামাল হোসেন".  These lists say where a
name starts; :mod:`bot.redact.people` decides from what follows whether it is a full name.

The lists are of frequent names only (a few dozen a community), chosen as names, not from any
corpus line.  A name that is also a common word of its language is left out ("will", "may",
"hope", "frank" (the helpline), Arabic "سعيد" (happy), Bengali "সারা" (whole), Gujarati
"સારા" (good)), so it starts nothing; in lower case, more are left out (:data:`LOWER_AMBIGUOUS`).
"""

from __future__ import annotations

from bot.redact.spans import words

GIVEN_LATIN = words(
    """
    dave davey jan james john robert michael william david richard joseph thomas tom sam ben
    jack dan sue
    tommy charles chris
    christopher daniel danny matthew matt anthony tony paul andrew andy joshua josh kevin
    brian george steven steve stephen edward ryan jason jake gary timothy nicholas eric
    jonathan justin scott brandon benjamin samuel gregory alexander alex patrick dean carl
    craig darren wayne shaun sean neil ian jamie kyle liam connor callum jordan aaron adam
    luke harry oliver ollie charlie alfie archie leo noah ethan mason lewis tyler dylan
    nathan simon martin peter pete phil philip keith colin graham stuart stewart barry
    terry derek trevor lee kai
    mary patricia jennifer linda elizabeth liz barbara susan jessica sarah karen nancy
    lisa margaret sandra ashley kimberly emily donna michelle carol amanda melissa deborah
    debbie stephanie rebecca becky laura sharon kathleen amy shirley angela helen anna
    brenda pamela nicole emma samantha katherine kate christine rachel catherine janet
    maria heather diane julie joyce victoria kelly christina lauren joan megan cheryl
    andrea hannah teresa ann anne sara madison frances kathryn janice jean abigail alice
    judy sophia julia denise doris danielle diana natalie charlotte marie kayla leanne
    kerry claire clare gemma stacey tracey tracy chloe olivia lily mia ella sophie zoe
    leah jodie nicola lucy louise jenny jennie wendy paula tina gillian jill lotte
    piotr paweł pawel tomasz tomek marek marcin michał michal krzysztof andrzej janusz
    kamil jakub kuba łukasz lukasz grzegorz mateusz wojciech dariusz mariusz rafał rafal
    artur sebastian szymon bartosz bartek damian dawid zbigniew jerzy ryszard kazimierz
    stanisław stanislaw katarzyna kasia ania agnieszka małgorzata malgorzata gosia basia
    ewa krystyna magdalena magda joanna asia aleksandra ola monika marta beata dorota
    karolina justyna natalia zofia zosia paulina weronika sylwia iwona elżbieta elzbieta
    renata
    jonas tomas andrius mindaugas darius dainius vytautas paulius mantas marius lukas
    rokas domantas gediminas algirdas saulius arūnas arunas kęstutis kestutis rūta ruta
    asta ieva eglė egle rasa daiva inga jurgita vilma kristina aušra ausra gintarė gintare
    jānis janis kārlis karlis andris pēteris peteris kristaps mārtiņš martins edgars aivars juris
    raimonds oskars roberts artūrs arturs ilze inese līga liga kristīne kristine santa
    dace zane evija agnese baiba laima
    andrei alexandru mihai ion ioan gheorghe vasile constantin florin adrian cristian
    marian nicolae ștefan stefan radu bogdan sorin ionuț ionut elena ioana ana andreea
    mihaela gabriela alina raluca daniela florentina roxana simona irina
    joão joao josé jose antónio antonio manuel francisco carlos paulo pedro luís luis rui
    tiago diogo miguel bruno ricardo marcos rafael lucas gabriel mateus felipe rodrigo
    rita sofia inês ines beatriz mariana catarina joana patrícia patricia fernanda juliana
    camila larissa letícia leticia luana
    maxamed mohamed axmed ahmed cabdi abdi cabdullahi abdullahi cali ali xasan hassan
    xuseen hussein yuusuf yusuf ibraahim ibrahim cumar omar ismaaciil mustafe faarax farah
    warsame jaamac jama aadan adan hodan faadumo fadumo faduma sagal ayaan hibo hawa
    xaliimo halima amina aamina caasha maryan rina ifrah fartuun sahra deeqa nimco ubah
    mohammed muhammad mohammad ahmad imran usman bilal hamza farhan faisal kamran irfan
    arif tariq nadeem shahid zahid sajid rashid asif yasir aamir asad javed naveed waseem
    salman ayesha aisha fatima maryam zainab samina nazia saima shazia rabia sidra rubina
    nasreen farhana sumaiya tania rahim karim jamal kamal rubel suman harpreet gurpreet
    manpreet jaspreet jaspal baljit harjit kuldeep sukhwinder jaswinder simran ramesh
    suresh mahesh dinesh nilesh hitesh jayesh kiran amit rajesh priya pooja kavita sunita
    anjali neha khalid youssef yousef mustafa mahmoud layla leila huda mona rana reem salma amal
    zuhair zuheir nizar khalil kareem samir sameer walid waleed tarek tareq majid majed rami
    ziad ziyad bassam hussam husam issam hisham nabil nabeel saleh yasser amjad ayman firas
    ghassan haitham khaled marwan mazen muhannad munir nasser osama usama qasim raed riad
    riyad saad suhail suheil wael yazan zaid zakaria abdallah abdullah mohamad dalia ghada
    hanan heba lubna manal nadia rania randa samar suha zeina
    amelia ava bethany caitlin chelsea courtney eleanor ellie erin evie faye freya georgia
    harriet imogen isla jasmine jemma kirsty lydia maisie molly naomi niamh paige phoebe
    rosie ruth shannon sian siobhan tanya vicky yvonne abbie aimee alison carly dionne
    elaine fiona hayley jackie janine joanne lesley lorraine mandy michaela natasha sally
    tammy toni adrian alan alistair arthur billy bradley curtis damien darryl declan
    dominic duncan elliot finn frankie gareth gavin glen gordon harvey jay jayden joe joey
    jonny karl kieran lenny lloyd malcolm marcus niall owen reece rhys ricky robbie rory
    ross russell sammy shane spencer stevie theo toby troy vinny warren zach zak
    norbert patryk przemysław przemyslaw przemek sławomir slawomir tadeusz waldemar
    wiesław wieslaw henryk józef jozef leszek mirosław miroslaw edyta ewelina izabela
    jolanta kinga klaudia marzena milena oliwia patrycja urszula wioletta żaneta zaneta
    halina grażyna grazyna danuta bożena bozena
    tadas justas karolis laurynas simonas povilas aurimas evaldas giedrius ignas linas
    nerijus rimantas vaidas žygimantas zygimantas agnė agne aistė aiste dalia giedrė
    giedre indrė indre justina lina milda neringa vaida viktorija živilė zivile greta
    gabija ugnė ugne
    aleksandrs andrejs arnis dainis gatis guntis ivars kaspars māris maris normunds
    rihards rolands uldis valdis viesturs ainārs ainars alise anete dita elīna elina
    lāsma lasma madara signe solvita vineta zanda
    cristina georgiana denisa bianca larisa adriana carmen nicoleta oana luminița luminita
    cătălin catalin ciprian costel dorin emil ionel lucian marcel mircea ovidiu petru
    sergiu silviu tudor valentin viorel alin
    andré andre eduardo fábio fabio gonçalo goncalo henrique hugo joaquim jorge leonardo
    marcelo mário mario nuno renato sérgio sergio vítor vitor bruna carla cláudia claudia
    filipa helena isabel lúcia lucia luísa luisa margarida raquel sónia sonia susana
    tânia tania vanessa
    abdirahman cabdiraxmaan abdikarim cabdikariin abdiaziz cabdicasiis abdirashid
    cabdirashiid mahad bashiir bashir daahir dahir guuleed hamse khadar liban mukhtar
    saciid sharmarke yaasiin yasin cawo filsan idil ladan naciima nasra ruqia sadia
    samiira sucaad suad warsan xamdi hamdi yasmin zamzam
    kwame kofi kwaku yaw abena akua adwoa chidi chinedu emeka ngozi chioma oluwaseun tunde
    femi funmi segun yemi kerry
    """
)
"""Given names in Latin letters: English, Polish, Lithuanian, Latvian, Romanian, Portuguese,
Somali, and Arabic, Urdu, Bengali, Punjabi and Gujarati names as people romanise them."""

GIVEN_CYRILLIC = words(
    """
    иван павел дмитрий сергей александр алексей андрей михаил николай владимир олег игорь
    евгений павел максим антон артём артем виктор юрий роман денис
    ольга ирина наталья наталия елена татьяна анна мария светлана екатерина юлия людмила
    галина марина анастасия надежда валентина оксана
    виктория ксения дарья алина кристина полина софья вероника лариса нина тамара артур
    глеб кирилл никита илья егор станислав вячеслав василий фёдор федор георгий борис
    вадим константин леонид тимур руслан ярослав григорий пётр петр степан тарас богдан
    саша маша даша паша миша коля вася петя женя лёша леша алёша алеша дима серёжа сережа
    таня оля наташа катя лена юля аня ира галя надя вова толя гриша костя ваня федя
    """
)

GIVEN_CASELESS = words(
    """
    محمد أحمد احمد علي حسن حسين خالد عمر يوسف إبراهيم ابراهيم مصطفى محمود سامي طارق ماجد
    وليد رامي هشام زياد فادي باسل عمار أنس انس يحيى بلال حمزة إسماعيل اسماعيل عبدالله
    عبدالرحمن فاطمة فاطمه مريم سارة ساره ليلى ليلي منى رنا رانيا دينا ريم سلمى هبة آمنة
    امنة زينب خديجة عائشة عايشة ياسمين لينا لمى رهف سميرة نادية ناديه سوسن هالة
    علی عمران عثمان حمزہ فرحان فیصل کامران عرفان عارف ندیم نعیم شاہد زاہد ساجد راشد آصف
    عاصم یاسر ثاقب عامر اسد جاوید نوید وسیم سلمان شعیب عائشہ فاطمہ زینب ثمینہ نازیہ صائمہ
    شازیہ رابعہ سدرہ حنا ہما عالیہ نادیہ رخسانہ پروین شبانہ کوثر محمود یوسف ابراہیم
    মোহাম্মদ মুহাম্মদ আহমেদ রহিম করিম জামাল কামাল রুবেল সুমন শাহিদ আরিফ রফিক শফিক আনোয়ার
    হাসান আলী ফারুক মাসুদ নাসির সাকিব তানভীর রুবিনা নাসরিন ফারহানা ফাতেমা সুমাইয়া তানিয়া
    শাহানা রোকেয়া সালমা রাশিদা জেসমিন শিরিন মরিয়ম আয়েশা নাজমা হাসিনা
    રમેશ સુરેશ મહેશ દિનેશ નિલેશ હિતેશ જયેશ કિરણ અમિત રાજેશ પ્રકાશ વિજય સંજય મનોજ ભરત
    હેતલ નીતા ગીતા પ્રિયા હિના કવિતા સુનિતા અંજલિ દીપા મીના રેખા જ્યોતિ ભાવના કોમલ નેહા
    ਗੁਰਪ੍ਰੀਤ ਹਰਪ੍ਰੀਤ ਮਨਪ੍ਰੀਤ ਜਸਪ੍ਰੀਤ ਜਸਪਾਲ ਬਲਜੀਤ ਹਰਜੀਤ ਕੁਲਦੀਪ ਸੁਖਵਿੰਦਰ ਜਸਵਿੰਦਰ ਗੁਰਮੀਤ
    ਅਮਰਜੀਤ ਪਰਮਜੀਤ ਰਣਜੀਤ ਸਿਮਰਨ ਹਰਜਿੰਦਰ ਬਲਵਿੰਦਰ ਮਨਜੀਤ ਰਾਜਵਿੰਦਰ ਨਵਦੀਪ ਅਮਨਦੀਪ ਗਗਨਦੀਪ ਸੰਦੀਪ
    ਜਸਲੀਨ ਹਰਮਨ
    أسامة اسامة أيمن ايمن حسام رائد سعد صالح عادل علاء عماد فارس فيصل قاسم ماهر مازن نبيل
    نادر ناصر هاني وائل ياسر يزن منصور أسماء اسماء إيمان ايمان بشرى حنان دعاء رشا رغد روان سناء
    شيماء صفاء عبير غادة لبنى مها ميساء نسرين نهى هند يارا
    ارشد اشفاق افضل اکرم امجد انور بابر تنویر حامد خالد خرم دانش ذیشان رضوان زبیر سہیل
    شہزاد شوکت طاہر ظفر عاطف عبید عمر غلام فہد مبشر مجید مختار مشتاق معظم نصیر وقاص یاسین
    آمنہ اسما انیلا ثنا حمیرا رضیہ زاہدہ شمیم صبا عذرا فرزانہ کلثوم گلناز مہوش نصرت یاسمین
    আব্দুল আবুল আলম ইকবাল এনামুল কাদের জাহিদ জাহাঙ্গীর নাজমুল নুরুল মনির মাহমুদ মিজান
    রাকিব রাজু রাসেল রিয়াদ শরিফ সাইফুল সোহেল হাবিব হুমায়ুন আফসানা ইয়াসমিন খাদিজা
    জান্নাত নাজনীন নুসরাত ফারজানা ফেরদৌসী মাহমুদা মুন্নি রাবেয়া রিনা লাইলা শাহনাজ শারমিন
    সাবিনা হালিমা
    અશોક અનિલ અરવિંદ કમલેશ કલ્પેશ કેતન ગિરીશ જગદીશ જીતેન્દ્ર ધર્મેશ નરેશ નિતિન પંકજ પરેશ
    પ્રવીણ ભાવેશ મુકેશ યોગેશ રાકેશ વિપુલ શૈલેષ હરીશ અલ્પા ઉષા કાજલ જાગૃતિ દક્ષા નયના નિશા
    પારુલ ભારતી મનીષા મમતા રશ્મિ વર્ષા શીતલ સ્મિતા હર્ષા
    ਅਮਰੀਕ ਇੰਦਰਜੀਤ ਹਰਭਜਨ ਜਗਜੀਤ ਜਸਬੀਰ ਦਲਜੀਤ ਦਵਿੰਦਰ ਨਰਿੰਦਰ ਪਰਮਿੰਦਰ ਬਲਦੇਵ ਮਨਦੀਪ ਰਾਜਿੰਦਰ
    ਸਤਨਾਮ ਸੁਰਜੀਤ ਹਰਦੀਪ ਹਰਵਿੰਦਰ ਕਮਲਜੀਤ ਕਿਰਨਦੀਪ ਗੁਰਦੀਪ ਗੁਰਵਿੰਦਰ ਜਸਵੀਰ ਨਵਜੋਤ ਰਮਨਦੀਪ
    ਰੁਪਿੰਦਰ ਸਰਬਜੀਤ ਹਰਮੀਤ
    """
)
"""Given names in Arabic, Urdu, Bengali, Gujarati and Gurmukhi script."""

SURNAMES_CASELESS = words(
    """
    خان شاہ قریشی بٹ ملک چوہدری چودھری راجہ اعوان مرزا شیخ صدیقی رضا اقبال اکبر اختر بیگم
    نواز شفیق حسین احمد علی محمود جاوید انصاری ہاشمی
    হোসেন হোসাইন আহমেদ আহমদ আক্তার বেগম খাতুন চৌধুরী রহমান ইসলাম উদ্দিন উদ্দীন মিয়া আলী
    খান শেখ সরকার হক কবির করিম সুলতানা পারভীন নাহার জাহান মিয়াঁ
    પટેલ શાહ દેસાઈ મહેતા જોશી પંડ્યા ભટ્ટ ત્રિવેદી પરમાર સોલંકી ચૌહાણ પારેખ કોઠારી વ્યાસ દવે
    ઠક્કર મિસ્ત્રી ચૌધરી રાઠોડ જાડેજા મોદી ભાવસાર નાયક રાવલ અમીન ગોહિલ વાઘેલા મકવાણા પંચાલ
    ચાવડા કાપડિયા ગજ્જર લિંબાચિયા
    ਸਿੰਘ ਕੌਰ ਗਿੱਲ ਸੰਧੂ ਸਿੱਧੂ ਢਿੱਲੋਂ ਗਰੇਵਾਲ ਬਰਾੜ ਮਾਨ ਬਾਜਵਾ ਚੀਮਾ ਸੇਖੋਂ ਰੰਧਾਵਾ ਕੰਗ ਜੌਹਲ ਬੈਂਸ
    ਅਟਵਾਲ ਧਾਲੀਵਾਲ ਬੱਸੀ ਸੈਣੀ ਵਿਰਕ ਭੁੱਲਰ ਸੰਘਾ ਔਜਲਾ ਸਹੋਤਾ ਕਲੇਰ ਮਾਹਲ ਪਨੇਸਰ ਮੱਲ੍ਹੀ
    """
)
"""Surnames in the scripts without capitals: after a given name, the evidence of a full name
that capitals give elsewhere ("জামাল হোসেন", "કિરણ શાહ", "ਜਸਪਾਲ ਸਿੰਘ")."""

SURNAMES_LATIN = words(
    """
    smith jones williams taylor brown davies evans wilson thomas johnson roberts robinson
    thompson wright walker white edwards hughes green hall lewis harris clarke clark patel
    jackson wood turner martin cooper hill ward morris moore king watson baker harrison
    morgan young allen mitchell khan ali hussain ahmed begum akhtar shah singh kaur gill
    sandhu hossain uddin chowdhury rahman islam miah desai mehta joshi
    nowak kowalski kowalska wiśniewski wisniewski wójcik wojcik kowalczyk kamiński kaminski
    lewandowski zieliński zielinski szymański woźniak wozniak dąbrowski kozłowski mazur
    kazlauskas jankauskas petrauskas stankevičius vasiliauskas žukauskas butkus paulauskas
    bērziņš berzins kalniņš kalnins ozols jansons liepiņš liepins krūmiņš krumins
    popescu ionescu popa dumitru stan stoica gheorghe rusu munteanu constantin dumitrescu
    silva santos ferreira pereira oliveira costa rodrigues martins jesus sousa fernandes
    gonçalves goncalves gomes lopes marques alves almeida ribeiro pinto carvalho mendes
    farah warsame jama nuur nur yusuf ibrahim hassan cali axmed maxamed mohamed
    bell holt reid price cook carter phillips bailey parker collins stewart murphy kelly
    shaw lloyd mason ellis richardson cox marshall hunt palmer holmes mills barnes knight
    butler russell fisher grant stone webb watts gibson murray ferguson campbell anderson
    scott kennedy mcdonald o'brien o'neill byrne doyle walsh
    kaczmarek wróbel wrobel krawczyk adamczyk dudek zając zajac wieczorek król krol walczak
    sikora baran michalak szewczyk pietrzak duda marciniak wilk kubiak lis mazurek sobczak
    cieślak cieslak kołodziej kolodziej szymczak szulc
    matei marin lungu florea ene barbu nistor cristea toma stanciu dinu oprea ilie neagu
    pop moldovan mocanu ursu sandu lazăr lazar sava preda anghel moraru costache dobre
    cardoso teixeira correia moreira soares vieira monteiro nunes barbosa rocha dias
    araújo araujo cunha castro freitas fonseca matos machado melo reis tavares azevedo
    miranda campos moura batista coelho cruz morais pires leite brito
    miller keane macdonald mckenzie mcgregor gallagher doherty o'connor quinn burke brennan
    lynch maguire sweeney dixon hudson jenkins lawson matthews newman payne pearce pearson
    rogers saunders simpson slater stevens wilkinson barker bennett chapman dawson fletcher
    foster gardner henderson hopkins howard parsons riley shepherd tucker walters webster
    siddiqui siddiqi qureshi chaudhry chaudhary chowdhry butt malik awan mirza sheikh shaikh
    ansari hashmi iqbal rehman rahman raza hussein haider abbasi bhatti bajwa cheema randhawa
    khoury khouri haddad najjar nassar hamdan abboud mansour masri halabi hijazi darwish
    qabbani kabbani shami barakat khalaf jaber
    sandhu dhillon grewal sidhu mann johal bains atwal dhaliwal trivedi pandya parekh bhatt
    """
)
"""Common surnames in Latin letters: a lower-case given name followed by one is a full name
("rui ferreira", "marek wiśniewski")."""

SURNAME_ENDINGS = (
    *("ski", "cki", "dzki", "dzka", "wicz", "czyk", "czak", "ński", "ńska", "owska", "ewska"),
    *("inska", "yńska", "ynska", "icka", "ycka", "ecka"),
    *("escu", "eanu", "ienė", "iene", "aitė", "aite", "ytė", "yte", "ūtė", "auskas", "evičius"),
    *("avičius", "aitis", "iņš", "iņa", "ович", "овна", "ов", "ова"),
    *("ев", "ева", "ин", "ина", "ский", "ская", "енко", "uk", "чук"),
)
"""Endings of Polish, Romanian, Lithuanian, Latvian, Russian and Ukrainian surnames (Russian
ones in Cyrillic only: "-eva" ends Romanian "cateva")."""

LOWER_AMBIGUOUS = words(
    """
    ana ami main ion dan jan pat sue bob nick rob jack sam lee dean carol kim jess ben don
    ed al liz ruby nur noor asha amber jade holly ali cali ola asia santa rita mona rana
    kai lucas marta inga ilze ewa adam hawa sara ayaan tina lina nina said hani idil
    """
)
"""Names that are also words, or introductions, in lower case ("ana" is "I" in romanised
Arabic, "asia" a continent, "santa"…): in lower case they start no name."""

STRONG_SURNAMES = words(
    """
    smith jones williams taylor davies evans wilson johnson roberts robinson thompson wright
    walker edwards hughes clarke jackson turner cooper harrison morgan mitchell patel khan
    hussain begum akhtar khatun kaur chowdhury hossain uddin
    بیگم قریشی چوہدری چودھری صدیقی اعوان انصاری ہاشمی
    বেগম খাতুন আক্তার চৌধুরী হোসেন হোসাইন উদ্দিন উদ্দীন সুলতানা
    પટેલ મહેતા દેસાઈ ત્રિવેદી પંડ્યા
    ਕੌਰ ਗਿੱਲ ਸੰਧੂ ਸਿੱਧੂ ਢਿੱਲੋਂ ਗਰੇਵਾਲ ਧਾਲੀਵਾਲ ਰੰਧਾਵਾ
    حداد خوري نجار عبود حمدان
    """
)
"""Surnames that are no everyday word (not "Islam", "Khan"'s "king" "شاہ", "ਸਿੰਘ" of a
Guru's name, English "Green", "King"): after any name-like word, even one no list has, they
make a full name ("Nilufar Begum", "نیلوفر بیگم", "فاطمة حداد").  Not Urdu "خاتون" (a lady)
nor "akter" (Arabizi "more")."""
LOWER_STRONG_SURNAMES = words("begum khatun chowdhury hossain uddin kaur")
"""The few that anchor a name in lower case ("rina begum"): romanised chat is full of short
words that are surnames elsewhere."""
SURNAMES_CASELESS = SURNAMES_CASELESS | words("حداد خوري نجار عبود حمدان")

GIVEN = GIVEN_LATIN | GIVEN_CYRILLIC | GIVEN_CASELESS

WORD_NAMES_LATIN = words("mark max robin amber will bill frank grace hope rose ruby holly jade")
"""Given names that are also English words, so not in :data:`GIVEN`: capitalised and before
a listed surname they are a full name ("Mark Miller", "Robin Keane", "Amber Macdonald")."""
WORD_NAMES_CASELESS = words("સારા سعيد سعيدة")
"""Given names that are also a common word of their language, in scripts without capitals:
Gujarati "સારા" (Sara; good), Arabic "سعيد" (Saeed; happy).  Never a name's start on their
own (they are not in :data:`GIVEN`): only after a cue, a role or "I am", and with a second
name word after them ("મારા કેસવર્કર સારા જોન્સ", "હું સારા પટેલ છું"); "મારા કેસવર્કર સારા છે"
(my caseworker is good) and "أنا سعيد" (I am happy) stay."""
NOUNS_CASELESS = words(
    """
    માણસ લોકો વ્યક્તિ સ્ત્રી પુરુષ છોકરો છોકરી બેન ભાઈ દિવસ કામ સમય સ્વભાવ અનુભવ સેવા
    رجل شخص إنسان انسان ست بنت ولد يوم وقت خدمة تجربة
    """
)
"""Nouns a word-name's other sense qualifies ("સારા માણસ": a good person; "سعيد اليوم" is not
here: "اليوم" starts with the article, which no surname after "سعيد" takes as a rule)."""

_CASE_ENDINGS = (
    *("ego", "emu", "owi", "iem", "iej", "em", "om", "ie", "a", "u", "y", "i", "e", "ą", "ę"),
    *("ом", "ем", "ой", "ей", "ою", "ею", "у", "ю", "я", "е", "а", "ы", "и"),
    *("aus", "ui", "ą", "ę", "ai", "am", "ā", "u", "ei", "ul", "ului"),
)
"""Case endings of Polish, Russian, Lithuanian, Latvian and Romanian names ("Piotra",
"Олегом", "Andriaus", "Kristapa", "Mihaiului"), cut off to find the nominative."""
_NOMINATIVE_TAILS = ("", "s", "is", "us", "as", "й", "ь", "а", "a", "e")
"""What a nominative may end in where the case ending was: "Алексея" -> "алексей",
"Andriaus" -> "andrius", "Kristapa" -> "kristaps", "Pētera" -> "pēteris", "Ирину" -> "ирина",
"Ilzi" -> "ilze"."""


HONORIFICS = ("bhai", "ben", "bahen", "behn", "બેન", "ભાઈ", "બહેન")
"""Gujarati names carry "sister" or "brother" on the given name ("Kamlaben", "Jayeshbhai",
"ભારતીબેન"): such a word is a given name, listed or not."""


def given_name(word: str) -> bool:
    """Whether ``word`` (any case) is a listed given name, or one with a case ending."""
    key = word.casefold()
    if key in GIVEN:
        return True
    if any(key.endswith(h) and len(key) >= len(h) + 3 for h in HONORIFICS) and (
        key.isalpha() or not key.isascii()
    ):
        return True  # "Rameshbhai", "Kamlaben", "ભારતીબેન": sister and brother on the name
    if len(key) < 4 or not key.isalpha():
        return False
    for ending in _CASE_ENDINGS:
        if key.endswith(ending) and len(key) - len(ending) >= 3:
            stem = key[: -len(ending)]
            # The vowel that drops before an ending: "Pawła" of "Paweł", "Павла" of "Павел".
            # and Latvian's softened consonant: "Jāņa" of "Jānis", "Kārļa" of "Kārlis".
            soft = stem.replace("ņ", "n").replace("ļ", "l")
            stems = (stem, soft, stem[:-1] + "e" + stem[-1], stem[:-1] + "е" + stem[-1])
            if any(s + tail in GIVEN for s in stems for tail in _NOMINATIVE_TAILS):
                return True
    return False


def surname_like(word: str) -> bool:
    """Whether a Latin or Cyrillic word is a listed surname or has a surname's ending; a
    double-barrelled one by either part ("kowalska-nowak")."""
    key = word.casefold()
    if "-" in key:
        return any(surname_like(part) for part in key.split("-") if part)
    return key in SURNAMES_LATIN or (len(key) >= 5 and key.endswith(SURNAME_ENDINGS))
