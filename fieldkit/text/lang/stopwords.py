"""Stop words: the words of a question that say nothing about what is asked ("where can i find a ...").

Search drops them so that a question typed as a sentence is searched by its content words. Lists are written in
the ordinary spelling and folded when first used (fold() is what both sides of a search go through). Words that
name what a question is about stay out of these lists even when they are short ("mine", "non", "gare"); words
that only say what kind of answer is wanted ("what is", "nedir", "يعني") are concepts in content/vocabulary/,
not stop words, so that they can prefer an entry type.

Bosnian covers Serbian and Croatian (the language table's fallbacks); Serbian Cyrillic folds to Latin.
"""

from __future__ import annotations

from functools import cache

from fieldkit.text.fold import fold, words
from fieldkit.text.lang import data_language

_WORDS: dict[str, str] = {
    "en": """
        a an the and or but if of to in on at by for from with into onto about as than then so too very
        is are was were be been being am do does did done doing have has had having will would shall should can
        could may might must i me my we us our you your he him his she her it its they them their this that
        these those there here what which who whom whose where when why how not no yes any some all much many
        get got find found need please just now still also up out s t d ll re ve m im ive dont doesnt cant isnt
        someone something anyone anything somebody tell know against
    """,
    "fr": """
        le la les l un une des de du d et ou mais a à au aux en dans sur sous par pour avec ce cet cette ces c
        est sont être été ai as avons avez ont avoir je j tu il elle on nous vous ils elles me m te t se s mon
        ma mes ton ta tes son sa ses notre nos votre vos leur leurs qui que qu quoi quel quelle quels quelles où
        comment pourquoi quand y ne n pas plus très trop peut peux puis puisque faire fait trouver chercher
        besoin veux voudrais dois doit cela ça ici là si
    """,
    "tr": """
        ve ile veya ya da de bir bu şu o ne mi mı mu mü için gibi daha çok en her ben sen biz siz onlar benim
        beni bana sana nerede nereye nasıl neden niçin hangi kim var yok ki ama fakat ise olarak olan diye şey
        kaç bulurum bulabilirim bulmak istiyorum lazım gerek nerde
    """,
    "bs": """
        i a ali ili u na o od do iz za sa s po pri kod kroz prema k ka je su sam si smo ste biti bio bila bilo
        će ću ćemo li ne ni se mi me mene meni ti te tebe on ona ono oni one njega njemu njih nas vas moj moja
        moje moji tvoj njegov njen koji koja koje što šta gdje gde kako kada kad zašto ovaj ova ovo taj ta to tu
        tamo ovdje ovde mogu može možemo trebam treba trebaju naći nađem nadjem ima imam nema još već samo neko
        nešto da ih im ga mu joj ju nam vam
    """,
    "ar": """
        في من الى إلى على عن مع و او أو ثم هل ما ماذا متى اين أين وين كيف لماذا ليش شو هذا هذه ذلك تلك هو هي
        هم انا أنا نحن انت أنت انتم الذي التي الذين كان كانت يكون لا لم لن قد كل بعض عند عندي لي له لها ان أن
        إن اذا إذا لو بدي فيه فيها هناك هنا ايش إيش اجد أجد القى ألقى لقيت اريد أريد ممكن يمكن
    """,
    "fa": """
        و در به از با برای که را رو این آن اون است هست هستم بود شد شده می من تو او ما شما آنها یک چه چی چطور
        چگونه کجا کی چرا آیا هم یا اگر تا بر روی مرا منو کنم کند کنید کرد کردند باید میتوانم میخواهم پیدا
        کجاست
    """,
    "ps": """
        په کې کښې د له نه ته سره او یا چې دا هغه زه موږ تاسو دوی زما مې یې څه چیرته چېرته کوم ولې څنګه کله هم
        دی ده دي وو شو لپاره پر تر څخه کړم کړي پیدا کوي کوو شي وي اخلي اخلم ورکوي ورکړي
    """,
    "ur": """
        کا کی کے میں سے پر کو نے اور یا ہے ہیں تھا تھی تھے ہو ہوں کیا کیسے کہاں کب کیوں کون یہ وہ میرا میری
        میرے مجھے ہم آپ تم اس ان جو کہ بھی تو نہیں لیے لئے گیا گئی گئے چاہیے ملے ملتا ملے گا
        لیتا لیتی لیتے دیتا دیتی دیتے کرتا کرتی کرتے کریں کرنا جاتا جاتی جاتے رہا رہی رہے سکتا سکتی سکتے
        ہوا ہوئی ہوئے ہوتا ہوتی ہوتے گی گے
    """,
}
# Stop words of a language as typed in Latin letters (Roman Urdu, scripts.ROMANISED): searched with the language's
# own list. Words that are also common English ones ("to", "is", "us") are left out so that they do not make an
# English question look like Roman Urdu.
_ROMANISED_WORDS: dict[str, str] = {
    "ur": """
        ka ki ke ko se mein mai main par pe ne aur ya hai hain hay tha thi thay ho hoon hun kya kia kaise kese
        kaisay kahan kahaan kidhar kab kyun kyon kaun kon yeh ye woh wo mera meri mere mujhe muje mujhay hum ap aap
        tum iss uss unka unki jo bhi nahi nahin nai liye lye gaya gayi gaye chahiye chahye chaiye milega milegi
        milay milta milti sakta sakti sakte karna karo karen karein kar raha rahe rahi hua hue hui hota hoti
        hote koi kuch kuchh abhi ab yahan wahan ji hamara hamari hamen humein apna apni apne karne karte karta
        karti hoga hogi honge wala wali wale diya diye liya lia dena lena jana jaana bina baad pehle
    """,
}


@cache
def _folded(code: str) -> frozenset[str]:
    texts = (_WORDS[code], _ROMANISED_WORDS.get(code, ""))
    return frozenset(word for text in texts for written in text.split() for word in words(fold(written)))


def stopwords(lang: str) -> frozenset[str]:
    """The folded stop words of `lang` (its base or fallback language's list, or none)."""
    code = data_language(lang, set(_WORDS))
    return _folded(code) if code else frozenset()


def languages() -> tuple[str, ...]:
    """The languages with a stop word list of their own."""
    return tuple(_WORDS)
