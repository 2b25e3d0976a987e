// Demo catalogue: see demo.hpp. Texts follow what the enterprises do in source 003 §2; prices
// are plausible demo values, not the enterprises' real prices.
#include "catalogue/demo.hpp"

#include <map>
#include <string>
#include <vector>

namespace catalogue {
namespace {

struct DemoItem {
    const char* enterprise;
    const char* title;
    const char* description;
    const char* category;
    const char* price;  ///< kroner as typed; "" = pris efter aftale
    const char* unit;
    const char* delivery_area;
    bool draft = false;
};

const std::vector<DemoItem>& items() {
    static const std::vector<DemoItem> list = {
        // Sumak: café and catering with food from many parts of the world.
        {"Sumak", "Frokostbuffet til møder",
         "Varieret buffet med retter inspireret af mange verdensdele: salater, "
         "lune retter, hjemmebagt brød og dessert. Leveres klar til servering.",
         "mad_catering", "145", "kuvert", "Slagelse Kommune"},
        {"Sumak", "Mødeforplejning med kaffe og kage",
         "Kaffe, te og hjemmebagte kager til formiddags- eller "
         "eftermiddagsmøder. Kagerne bages samme dag.",
         "mad_catering", "55", "kuvert", "Slagelse Kommune"},
        {"Sumak", "Sandwich og wraps",
         "Friske sandwich og wraps med kylling, falafel eller grøntsager. Minimum 10 stk.", "mad_catering",
         "48", "stk.", "Slagelse og Korsør"},
        {"Sumak", "Madlavningsworkshop: retter fra mormors køkken",
         "Tre timers workshop, hvor Sumaks kokke lærer jer at "
         "lave retter fra deres hjemlande. Vi spiser sammen bagefter.",
         "kurser_workshops", "2.800", "workshop", "Slagelse Kommune"},
        // BEVAR: redesign of used jeans and shirts.
        {"BEVAR", "Grydelapper af genbrugsdenim",
         "Solide grydelapper syet af brugte jeans. Hvert par er unikt.", "genbrug_redesign", "60", "sæt",
         "Hele landet (forsendelse)"},
        {"BEVAR", "Forklæder af jeans og skjorter",
         "Forklæder med lommer, syet af brugte jeans og skjorter af "
         "fleksjobbere og frivillige.",
         "tekstil", "225", "stk.", "Hele landet (forsendelse)"},
        {"BEVAR", "Workshop om redesign og genanvendelse",
         "Temadag for personalegrupper eller skoleklasser om at give "
         "tøj nyt liv. Materialer er inkluderet.",
         "kurser_workshops", "3.500", "dag", "Sjælland"},
        {"BEVAR", "Dækkeservietter i patchwork", "Dækkeservietter af denim i patchwork, sæt med fire.",
         "tekstil", "180", "sæt", "Hele landet (forsendelse)"},
        // VeteranHaven.
        {"VeteranHaven", "Havearbejde og pleje af grønne arealer",
         "Hold fra VeteranHaven klarer græsslåning, hækklipning "
         "og lettere anlægsopgaver for virksomheder og foreninger.",
         "groenne_omraader", "425", "time", "Slagelse Kommune"},
        {"VeteranHaven", "Brænde fra egen skov",
         "Kløvet og tørret løvtræsbrænde. Afhentning i Slotsbjergby eller "
         "levering mod tillæg.",
         "produkter_design", "900", "rummeter", "Slagelse Kommune"},
        {"VeteranHaven", "Teambuilding i naturen",
         "En dag i VeteranHaven med fælles opgaver, bål og frokost. For "
         "grupper på 8-25 personer.",
         "kultur_oplevelser", "", "", "Slotsbjergby"},
        // Magleby Skolecenter and Byens Auto.
        {"Magleby Skolecenter", "Serviceeftersyn af bil (Byens Auto)",
         "Eftersyn efter fabrikantens forskrifter på "
         "autoværkstedet Byens Auto, hvor elever får praktisk læring.",
         "auto_transport", "1.495", "eftersyn", "Slagelse"},
        {"Magleby Skolecenter", "Pedelopgaver og småreparationer",
         "Elever og faglærere løser pedel- og "
         "vedligeholdelsesopgaver for foreninger og boligforeninger.",
         "haandvaerk_byggeri", "350", "time", "Slagelse Kommune"},
        {"Magleby Skolecenter", "Hjemmelavet frokost fra køkkenproduktionen",
         "Dagens ret fra skolens køkken til "
         "afhentning.",
         "mad_catering", "65", "portion", "Magleby"},
        // Musholm.
        {"Musholm – ferie, sport og konference", "Heldagsmøde med fuld forplejning",
         "Mødelokale med udsigt over "
         "Storebælt, formiddagskaffe, frokost, eftermiddagskaffe og frugt. Fuldt tilgængeligt.",
         "konference_ophold", "595", "person", "Korsør"},
        {"Musholm – ferie, sport og konference", "Konferencedøgn",
         "Overnatning i tilgængeligt værelse, møde og alle "
         "måltider.",
         "konference_ophold", "1.695", "person", "Korsør"},
        {"Musholm – ferie, sport og konference", "Leje af sportshal",
         "Sportshal med plads til kørestolsidræt.", "kultur_oplevelser", "650", "time", "Korsør"},
        // Blindes Arbejde.
        {"Blindes Arbejde", "Håndlavede børster",
         "Opvaske-, skure- og køkkenbørster lavet af medarbejdere med "
         "synshandicap. Naturmaterialer.",
         "produkter_design", "89", "stk.", "Hele landet (forsendelse)"},
        {"Blindes Arbejde", "Stolesædeflet",
         "Nyt flettet sæde i papirgarn, sivflet eller peddigrør på jeres stole.", "haandvaerk_byggeri", "",
         "", "Hele landet"},
        {"Blindes Arbejde", "Vævede måtter", "Vævede måtter i kraftig bomuld, 60 × 90 cm.",
         "produkter_design", "395", "stk.", "Hele landet (forsendelse)"},
        // Manden og Konen.
        {"Manden og Konen", "Foodtruck til arrangementer",
         "Foodtrucken kommer ud til jeres arrangement med burgere og "
         "retter af lokale råvarer.",
         "mad_catering", "", "", "Vestsjælland"},
        {"Manden og Konen", "Fællesspisning for personalegrupper",
         "Tre retter af lokale råvarer i Pakkehallen i "
         "Posthuset.",
         "mad_catering", "225", "kuvert", "Slagelse"},
        // FriRUM Lab.
        {"FriRUM Lab", "Kreativ workshop med genbrugsmaterialer",
         "Workshop for børn, unge og deres voksne, hvor vi "
         "bygger og eksperimenterer med overskudsmaterialer.",
         "boern_unge", "2.400", "workshop", "Slagelse Kommune"},
        {"FriRUM Lab", "Pædagogisk dag om legende læring", "Oplæg og øvelser for pædagoger og lærere.",
         "kurser_workshops", "6.500", "dag", "Sjælland"},
        // Villa Fjordhøj.
        {"Villa Fjordhøj", "Mødelokale ved vandet",
         "Mødelokale til 20 personer i villaen fra 1916 helt ud til vandet "
         "i Skælskør.",
         "konference_ophold", "2.500", "dag", "Skælskør"},
        {"Villa Fjordhøj", "Økologisk frokost", "Frokost lavet fra bunden af økologiske, lokale råvarer.",
         "mad_catering", "175", "kuvert", "Skælskør"},
        {"Villa Fjordhøj", "Retreat med overnatning", "To dage med ophold, mad og rum til fordybelse.",
         "konference_ophold", "2.950", "person", "Skælskør"},
        // Danmarks Busmuseum.
        {"Danmarks Busmuseum", "Omvisning i busmuseet",
         "Guidet tur blandt museets veteranbusser for grupper.", "kultur_oplevelser", "1.200", "omvisning",
         "Skælskør"},
        {"Danmarks Busmuseum", "Leje af veteranbus med chauffør",
         "Kør til bryllup, jubilæum eller firmaudflugt i en "
         "istandsat veteranbus.",
         "auto_transport", "", "", "Sjælland"},
        // Liselund.
        {"Liselund", "Kursusdøgn i historiske rammer", "Kursusdøgn med forplejning på Liselund.",
         "konference_ophold", "1.450", "person", "Slagelse"},
        {"Liselund", "Kaffebord i haven", "Kaffe og hjemmebag serveret i haven eller orangeriet.",
         "mad_catering", "85", "kuvert", "Slagelse"},
        // Mini Houses.
        {"Mini Houses", "Byggeri af minihus", "Vi bygger et lille hus med jer efter jeres behov.",
         "haandvaerk_byggeri", "", "", "Sjælland"},
        {"Mini Houses", "Tømrerhjælp til mindre opgaver", "Reparation af døre, vinduer, terrasser og skure.",
         "haandvaerk_byggeri", "395", "time", "Slagelse Kommune"},
        // Kirkens Korshær.
        {"Kirkens Korshær", "Genbrugsmøbler",
         "Brugte møbler i god stand fra genbrugsbutikken. Spørg efter det, I mangler.", "genbrug_redesign",
         "", "", "Slagelse"},
        {"Kirkens Korshær", "Afhentning af møbler og effekter",
         "Vi henter møbler, bøger og husgeråd, der kan sælges "
         "videre.",
         "auto_transport", "0", "afhentning", "Slagelse Kommune"},
        // Korsør Bykontor og Oplev Korsør.
        {"Korsør Bykontor og Oplev Korsør", "Byvandring i Korsør",
         "Guidet byvandring for grupper med fortællinger om "
         "byens historie.",
         "kultur_oplevelser", "900", "tur", "Korsør"},
        {"Korsør Bykontor og Oplev Korsør", "Kontorservice og udsendelser",
         "Kuvertering, kopiering og forsendelse for "
         "foreninger og små virksomheder.",
         "kontor_it", "275", "time", "Korsør"},
        // Grøn Fokus.
        {"Grøn Fokus", "Vedligeholdelse af grønne områder",
         "Græsslåning, lugning og beskæring for boligforeninger og "
         "virksomheder.",
         "groenne_omraader", "395", "time", "Slagelse Kommune"},
        {"Grøn Fokus", "Plantning og anlæg af bede",
         "Vi anlægger og tilplanter bede med hjemmehørende planter.", "groenne_omraader", "", "",
         "Slagelse Kommune"},
        // Affald Plus – PlusMarkeder.
        {"Affald Plus – PlusMarkeder", "Genbrugsvarer fra PlusMarkedet",
         "Møbler, cykler og husgeråd, der er afleveret "
         "på genbrugspladsen og sat i stand.",
         "genbrug_redesign", "", "", "Slagelse og Korsør"},
        {"Affald Plus – PlusMarkeder", "Istandsatte cykler",
         "Brugte cykler, der er gennemgået i vores "
         "cykelværksted.",
         "genbrug_redesign", "650", "stk.", "Slagelse"},
        {"Affald Plus – PlusMarkeder", "Cykelreparation",
         "Lapning, nye bremser, gear og lys i cykelværkstedet.", "auto_transport", "250", "time", "Slagelse"},
        // Drafts: not public.
        {"Sumak", "Julefrokost ud af huset", "Julemenu med retter fra hele verden. Under udarbejdelse.",
         "mad_catering", "325", "kuvert", "Slagelse Kommune", true},
        {"BEVAR", "Tasker af genbrugsdenim", "Ny kollektion af tasker. Priser kommer senere.", "tekstil", "",
         "", "Hele landet (forsendelse)", true},
    };
    return list;
}

}  // namespace

core::Result<int> load_demo(CatalogueService& service, const core::Actor& actor) {
    BB_ASSIGN(auto choices, service.enterprise_choices(actor));
    std::map<std::string, std::string> ids;
    for (const auto& c : choices) ids.emplace(c.label, c.value);
    int created = 0;
    for (const DemoItem& d : items()) {
        auto id = ids.find(d.enterprise);
        if (id == ids.end()) continue;
        ItemInput in;
        in.enterprise_id = id->second;
        in.title = d.title;
        in.description = d.description;
        in.category = d.category;
        in.price = d.price;
        in.unit = d.unit;
        in.delivery_area = d.delivery_area;
        BB_ASSIGN(Item item, service.create(in, actor));
        if (!d.draft) BB_TRY(service.publish(item.id, actor));
        ++created;
    }
    return created;
}

}  // namespace catalogue
