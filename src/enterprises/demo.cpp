// Demo data: see demo.hpp for the sources and what the dates are chosen to reproduce.
#include "enterprises/demo.hpp"

#include <string>
#include <vector>

namespace enterprises {
namespace {

struct DemoStatus {
    Status status;
    const char* date;
    const char* note;
};

struct DemoEnterprise {
    const char* name;
    Kind kind;
    const char* legal_form;  ///< vocabulary code or ""
    const char* municipality;
    const char* address;
    const char* purpose;
    const char* description;
    const char* plans;
    std::vector<const char*> target_groups;
    std::int64_t cvr_seed;  ///< 0 = no CVR
    const char* employees;
    const char* fte;
    std::vector<DemoStatus> statuses;  ///< oldest first; the first one is set at creation
};

constexpr const char* k_slagelse = "Slagelse";
constexpr const char* k_kolding = "Kolding";

std::vector<DemoEnterprise> slagelse() {
    using S = Status;
    using K = Kind;
    return {
        {"Sumak",
         K::SocialEnterprise,
         "aps",
         k_slagelse,
         "Kvarterhuset, Motalavej, 4200 Slagelse",
         "At opkvalificere og skabe nye arbejdspladser for kvinder med anden etnisk baggrund end dansk.",
         "Café- og cateringvirksomhed, der laver mad inspireret af mange verdensdele og af vores egen "
         "mormor-madkultur. "
         "Sumak tager udgangspunkt i kvindernes selvlærte kompetencer og interesse for madlavning. Sumak har "
         "en "
         "samarbejdsaftale med Slagelse Jobcenter om forløb og har modtaget satspuljemidler fra STAR til at "
         "videreudvikle metoderne.",
         "Arbejde videre med projektet og udvikle markedet for café og catering.",
         {"forloebsdeltagere", "fleksjobbere", "kvinder_anden_etnisk"},
         3725114,
         "9",
         "6,5",
         {{S::OnTheWay, "2015-03-01", "Forberedelse af caféen i Kvarterhuset"},
          {S::Established, "2015-08-03", "Caféen åbnede"},
          {S::RegisteredRsv, "2016-04-15", "Registreret hos Erhvervsstyrelsen"}}},
        {"BEVAR",
         K::SocialEnterprise,
         "aps",
         k_slagelse,
         "Kvarterhuset, Motalavej, 4200 Slagelse",
         "Redesign og genanvendelse af brugte jeans og skjorter med arbejdspladser til fleksjobbere.",
         "Producerer livsstilsprodukter af brugte jeans og skjorter: grydelapper, grillhandsker, "
         "dækkeservietter, "
         "forklæder og tehætter. Produkterne laves af fleksjobbere med begrænset arbejdsevne og frivillige. "
         "Tilbyder "
         "også workshops, syværksted og temadage om genanvendelse.",
         "Værkstedet på Motalavej lukker med udgangen af 2018; BEVAR arbejder videre i Roskilde.",
         {"fleksjobbere", "frivillige"},
         0,
         "",
         "",
         {{S::Established, "2015-03-01", "Etableret i Kvarterhuset"},
          {S::RegisteredRsv, "2015-06-01", "Registreret hos Erhvervsstyrelsen"},
          {S::Moved, "2019-01-01",
           "Værkstedet i Slagelse lukket med udgangen af 2018; fortsætter i Roskilde"}}},
        {"VeteranHaven",
         K::SocialEnterprise,
         "forening_erhverv",
         k_slagelse,
         "Slotsbjergby, 4200 Slagelse",
         "At give den enkelte rum til at genetablere et helt liv på et nyt sæt vilkår, trods eventuelle "
         "skader.",
         "Frivillig forening med erhvervsdrift på ca. 24.000 m² i Slotsbjergby. Man kan komme som gæst, "
         "frivillig, "
         "ansat eller i forløb. Den primære målgruppe er veteraner fra forsvaret, politiet og beredskabet. "
         "Samarbejdsaftale med Slagelse Jobcenter om forløb og med Sund og Bælt og Comwell om fleksjob.",
         "Blive registreret socialøkonomisk virksomhed; udvide samarbejdsaftalerne med Sund og Bælt og "
         "Comwell.",
         {"veteraner", "forloebsdeltagere", "frivillige", "fleksjobbere", "deltidsansatte"},
         0,
         "",
         "",
         {{S::Established, "2015-09-01", "Haven i Slotsbjergby åbnet"}}},
        {"Magleby Skolecenter",
         K::SocialEnterprise,
         "selvejende_institution",
         k_slagelse,
         "Magleby, 4200 Slagelse",
         "Skoletilbud til samfundets svageste børn og unge med omfattende udfordringer.",
         "Intern skole, særligt tilrettelagt ungdomsuddannelse (STU), to socialpædagogiske opholdssteder og "
         "botræning. 80 elever og over 90 ansatte (januar 2019). Eleverne får praktisk læring i produktioner "
         "inden "
         "for håndværk, køkken og pedelarbejde og på autoværkstedet Byens Auto.",
         "Færdiggøre bygningen til Opholdsstedet Søholt og starte byggevirksomheden MagleByg.",
         {"unge_sel", "ressourceforloeb", "igu_egu", "fleksjobbere"},
         0,
         "92",
         "",
         {{S::RegisteredRsv, "2015-09-15",
           "Registreret som socialøkonomisk virksomhed (skolecentret fra 1999)"}}},
        {"Musholm – ferie, sport og konference",
         K::SocialEnterprise,
         "",
         k_slagelse,
         "Musholmvej, 4220 Korsør",
         "Overskuddet går til at udvikle og støtte ferieoplevelser for mennesker med handicap.",
         "Ferie-, sports- og konferencecenter med udsigt over Storebælt, bygget med plads til forskelle. "
         "Etableret i "
         "1998 på initiativ af Muskelsvindfonden og prisbelønnet som et af verdens mest tilgængelige af sin "
         "art.",
         "Være det foretrukne danske feriested for mennesker med funktionsnedsættelser og et socialøkonomisk "
         "alternativ i konferencebranchen.",
         {"fleksjobbere", "loentilskud", "borgere_med_handicap"},
         0,
         "",
         "",
         {{S::Established, "1998-06-01", "Etableret af Muskelsvindfonden"},
          {S::RegisteredRsv, "2015-05-01", "Registreret hos Erhvervsstyrelsen"}}},
        {"Blindes Arbejde",
         K::SocialEnterprise,
         "erhvervsdrivende_fond",
         k_slagelse,
         "Slagelse",
         "At skabe job og beskæftigelse til blinde og stærkt svagsynede inden for håndværk, handel, service "
         "og lager.",
         "Erhvervsdrivende fond stiftet i 1929 med ca. 75 medarbejdere i hele landet, hvoraf ca. 70 % har et "
         "synshandicap. Producerer børster, vævede produkter og kurve-/stoleflet til private, erhverv og det "
         "offentlige.",
         "Afdelingen i Slagelse flytter til Ringsted i 2019 med fokus på håndværk og designudvikling.",
         {"blinde_svagsynede", "fleksjobbere"},
         0,
         "75",
         "",
         {{S::Established, "1929-01-01", "Stiftet"},
          {S::RegisteredRsv, "2015-04-01", "Registreret hos Erhvervsstyrelsen"}}},
        {"MinaGroup",
         K::SocialEnterprise,
         "aps",
         k_slagelse,
         "Slagelse",
         "At skabe en virksomhed med plads til udsatte unge, så de bliver en positiv del af samfundet.",
         "Nystartet virksomhed med et opholdssted for unge på 15–23 år, et støtte-/kontaktkorps og et "
         "værksted under "
         "udvikling. Startede i 2018 Den Digitale Ressourcebank, der parrer unge mønsterbrydere med "
         "frivillige.",
         "Blive registreret socialøkonomisk virksomhed og markedsføre opholdssted, kontaktkorps og "
         "Ressourcebanken.",
         {"udsatte_unge", "fleksjobbere"},
         3725130,
         "",
         "",
         {{S::OnTheWay, "2017-09-01", "Forretningsplan og godkendelse af opholdssted"},
          {S::Established, "2018-03-01", "Opholdsstedet godkendt"}}},
        {"Manden og Konen",
         K::SocialEnterprise,
         "",
         k_slagelse,
         "Pakkehallen, Posthuset, 4200 Slagelse",
         "Gode oplevelser og god mad af lokale råvarer i en uhøjtidelig ramme.",
         "Aktiv del af pakkehallen i Posthuset med fællesspisninger, bazarer, spilleaftener, foredrag og "
         "musik, og "
         "en foodtruck. Fokus på lokale råvarer og samarbejder.",
         "Blive registreret socialøkonomisk virksomhed og skabe forløb for unge på vej mod uddannelse og "
         "job.",
         {"unge_i_forloeb", "deltidsansatte", "fleksjobbere"},
         0,
         "",
         "",
         {{S::Established, "2017-05-01", "Åbnet i Posthuset"}}},
        {"FriRUM Lab",
         K::SocialEnterprise,
         "",
         k_slagelse,
         "Slagelse",
         "Alternative kreative læringsrum for børn, unge og deres voksne.",
         "Workshops, events, gæsteundervisning, oplæg og pædagogiske dage med genbrugs- og "
         "overskudsmaterialer som "
         "ressource og en legende, eksperimenterende tilgang.",
         "Blive registreret socialøkonomisk virksomhed; udvikle makerspace og værkstedsmuligheder.",
         {"unge_i_forloeb", "fleksjobbere", "deltidsansatte"},
         0,
         "",
         "",
         {{S::OnTheWay, "2015-06-01", "Idé og forretningsplan"},
          {S::Established, "2016-08-01", "Første workshops"}}},
        {"Villa Fjordhøj",
         K::Initiative,
         "",
         k_slagelse,
         "Skælskør",
         "Kurser, møder, ferie og ophold i en gammel villa ved vandet med plads til fleksjobbere.",
         "Villa fra 1916 helt ud til vandet i Skælskør med kurser, uddannelsesdage, møder, retreats og mad "
         "lavet fra "
         "bunden af økologiske lokale råvarer.",
         "Udbrede kendskabet til Villa Fjordhøj.",
         {"fleksjobbere", "deltidsansatte"},
         0,
         "",
         "",
         {{S::Established, "2017-01-01", "Socialøkonomisk initiativ startet"}}},
        {"Danmarks Busmuseum",
         K::Initiative,
         "erhvervsdrivende_fond",
         k_slagelse,
         "Slagelse",
         "Dansk kulturhistorie om rutebiler og busser; social ansvarlighed ved at ansætte fleksjobbere.",
         "Det første og eneste busmuseum i Danmark, drevet af frivillige som almennyttig erhvervsdrivende "
         "fond. "
         "Indsamler, udstiller og restaurerer omkring 70 rutebiler og busser.",
         "Søge fonde til udstillingslokaler og værksted; forløb for personer på vej mod erhvervsuddannelse "
         "eller job.",
         {"fleksjobbere", "deltidsansatte", "unge_i_forloeb"},
         0,
         "",
         "",
         {{S::OnTheWay, "2015-10-01", "Plan for fleksjob på museet"},
          {S::Established, "2016-01-01", "Første fleksjob"}}},
        {"Liselund",
         K::Initiative,
         "fond",
         k_slagelse,
         "Slagelse",
         "Højskole, kursus- og mødested med en personalesammensætning, der er socialøkonomisk.",
         "Velbesøgt kursus- og mødested med højskoledage, foredrag, koncerter, udstillinger og "
         "efteruddannelse, ejet "
         "af Liselund-fondet.",
         "Etablere en egentlig seniorhøjskole.",
         {"deltidsansatte", "fleksjobbere"},
         0,
         "",
         "",
         {{S::Established, "2017-01-01", "Socialøkonomisk initiativ startet"}}},
        {"Mini Houses",
         K::Initiative,
         "aps",
         k_slagelse,
         "Slagelse",
         "Kvalitetslegehuse og minibylandskaber produceret med socialøkonomiske samarbejdspartnere.",
         "Producerer og sælger legehuse og minibyer til private, boligforeninger, campingpladser og "
         "børnehaver. Dele "
         "af produktionen lægges ud til Slagelse Produktionsskole og Næstved sociale værksted.",
         "Undersøge mulighederne for at arbejde mere socialøkonomisk sammen med en partner.",
         {"deltidsansatte", "fleksjobbere"},
         3725149,
         "",
         "",
         {{S::OnTheWay, "2015-09-01", "Samarbejde med produktionsskolen planlagt"},
          {S::Established, "2016-01-01", "Første ansættelser i fleksjob"}}},
        {"CSRnext",
         K::SocialEnterprise,
         "ivs",
         k_slagelse,
         "Slagelse",
         "Psykologfaglige konsulentydelser; mindst 20 % af omsætningen går til projekter for udsatte børn og "
         "unge.",
         "Nyetableret psykologisk praksis, hvor kunderne er med til at bestemme, hvilke projekter for "
         "udsatte børn "
         "og unge der støttes.",
         "Blive registreret socialøkonomisk virksomhed; lokale og landsdækkende samarbejder; på sigt "
         "erhvervsdrivende fond.",
         {"udsatte_boern_unge", "fleksjobbere", "deltidsansatte"},
         3725157,
         "",
         "",
         {{S::Established, "2018-02-01", "Virksomheden stiftet"}}},
        {"Kirkens Korshær",
         K::Initiative,
         "forening",
         k_slagelse,
         "Slagelse, Korsør og Skælskør",
         "Varmestuer og et værested for socialt udsatte; på vej mod en socialøkonomisk virksomhed.",
         "Tre varmestuer i Slagelse, Korsør og Skælskør og et værested for kvinder med anden etnisk baggrund "
         "på "
         "Motalavej.",
         "Udvikle et koncept for en socialøkonomisk virksomhed med udgangspunkt i varmestuernes faciliteter.",
         {"socialt_udsatte", "kvinder_anden_etnisk"},
         0,
         "",
         "",
         {{S::OnTheWay, "2015-11-01", "Idéudvikling med kommunen"},
          {S::Established, "2016-01-01", "Initiativ startet"}}},
        {"Korsør Bykontor og Oplev Korsør",
         K::Initiative,
         "forening",
         k_slagelse,
         "Korsør",
         "Tænketanksnetværk, der udvikler og understøtter Korsørs attraktioner og aktiviteter.",
         "Forening stiftet af Korsør Erhvervsforening, Korsør Turistråd og Korsør- og Halsskov Lokalråd. "
         "Modtager "
         "driftsstøtte fra Slagelse Kommune.",
         "Videreudvikle \"Connect Korsør\" og Korsør Bykontor som socialøkonomisk initiativ.",
         {"fleksjobbere", "deltidsansatte"},
         0,
         "",
         "",
         {{S::Established, "2017-01-01", "Socialøkonomisk initiativ startet"}}},
        {"Pixibixen",
         K::Initiative,
         "selvejende_institution",
         k_slagelse,
         "Kongedybet, 4200 Slagelse",
         "Socialøkonomisk genbrugsbutik, hvis overskud doneres til børn og unge i Slagelse Kommune.",
         "Genbrugsbutik ved daginstitutionen Kongelyset under KFUM's Sociale Arbejde med second hand "
         "børnetøj, "
         "legetøj og bøger.",
         "Gratis gældsrådgivning på biblioteket sammen med Slagelse Kommune.",
         {"udsatte_boern_unge"},
         0,
         "",
         "",
         {{S::Established, "2017-01-01", "Butikken åbnet"}}},
        {"Grøn Fokus",
         K::Initiative,
         "aps",
         k_slagelse,
         "Karolinevej, Slagelse",
         "Økologisk totalleverandør med en værdikæde på tværs af CVR-numre.",
         "Udbreder økologi i professionelle køkkener og har erfaring med at ansætte personer fra kanten af "
         "arbejdsmarkedet.",
         "Arbejde videre med en in-house-løsning.",
         {"in_house", "kanten_af_arbejdsmarkedet"},
         3725165,
         "",
         "",
         {{S::Established, "2018-01-01", "Socialøkonomisk initiativ startet"}}},
        {"Affald Plus – PlusMarkeder",
         K::Initiative,
         "",
         k_slagelse,
         "Skovsøvej 4, 4200 Slagelse",
         "Genbrug og genanvendelse – \"Vi giver ting og mennesker nyt liv\".",
         "Pop-up-genbrugsbutikken PlusMarkeder ved Slagelse Genbrugsplads med små job og træningsbaner.",
         "Etablere en rigtig genbrugsbutik (PlusButik) med upcycling.",
         {"forloebsdeltagere", "fleksjobbere", "deltidsansatte"},
         0,
         "",
         "",
         {{S::Established, "2018-06-01", "Pop-up-butikken åbnet"}}},
        {"Sund og Bælt",
         K::CsrCompany,
         "as",
         k_slagelse,
         "Sprogø",
         "CSR-partner: samarbejdsaftale med VeteranHaven om opgaver på Sprogø.",
         "Gennem samarbejdsaftalen kan VeteranHaven tilbyde flere veteraner beskæftigelse. Sund og Bælt har "
         "selv "
         "ansat den første veteran.",
         "Udvide opgaven på Sprogø og rekruttere fra gruppen af veteraner.",
         {"veteraner"},
         0,
         "",
         "",
         {{S::Established, "2018-04-01", "Samarbejdet med VeteranHaven startet"}}},
        {"MagleByg",
         K::SocialEnterprise,
         "",
         k_slagelse,
         "Magleby, 4200 Slagelse",
         "Socialøkonomisk byggevirksomhed under Magleby Skolecenter.",
         "Bygge- og vedligeholdelsesopgaver for eksterne kunder udført af STU Håndværk, som Byens Auto.",
         "Forventes at se dagens lys i 2019.",
         {"unge_sel", "igu_egu"},
         0,
         "",
         "",
         {{S::OnTheWay, "2018-09-01", "Forberedes af Magleby Skolecenter"}}},
    };
}

DemoEnterprise kolding(const char* name, const char* legal_form, std::vector<DemoStatus> statuses) {
    return {name,
            Kind::SocialEnterprise,
            legal_form,
            k_kolding,
            "Kolding",
            "",
            "Socialøkonomisk virksomhed, som Kolding Kommune samarbejdede med i 2015 (kilde 002, bilag 1). "
            "Status og datoer er demodata.",
            "",
            {"kanten_af_arbejdsmarkedet"},
            0,
            "",
            "",
            std::move(statuses)};
}

std::vector<DemoEnterprise> kolding_list() {
    using S = Status;
    std::vector<DemoEnterprise> out;
    // Registered RSV by the end of November 2015 (3).
    out.push_back(kolding("Blindes Arbejde (Kolding)", "erhvervsdrivende_fond",
                          {{S::Established, "1929-01-01", "Stiftet"}, {S::RegisteredRsv, "2015-04-01", ""}}));
    out.push_back(kolding(
        "BOAS Specialister ApS", "aps",
        {{S::Established, "2015-02-01", "Afdeling åbnet i Kolding"}, {S::RegisteredRsv, "2015-06-01", ""}}));
    out.push_back(kolding("Specialister", "",
                          {{S::Established, "2013-01-01", ""}, {S::RegisteredRsv, "2015-08-01", ""}}));
    // Established, not registered (4), two of them in 2015.
    out.push_back(kolding("Slotssøbadet", "", {{S::Established, "2013-05-01", ""}}));
    out.push_back(kolding("Virksomhedsporten", "", {{S::Established, "2014-01-01", ""}}));
    out.push_back(
        kolding("Soul Café", "", {{S::OnTheWay, "2014-10-01", ""}, {S::Established, "2015-04-01", ""}}));
    out.push_back(kolding("No. 29 Coffee & Print", "", {{S::Established, "2015-09-01", ""}}));
    // On the way (13).
    for (const char* name : {"BeeLiving", "Special Solutions", "DanCamps", "Kunstgruppen", "Glad Design",
                             "Glad Erhverv", "Glad Fagskole / Glad Flex", "Legehytten", "fødevareBanken",
                             "Borups Pakkeri", "Allehånde", "Gadens Stemmer", "Place de Bleu"})
        out.push_back(kolding(name, "", {{S::OnTheWay, "2015-06-01", "Vurderes på vej (kortlægning 2015)"}}));
    // An idea (1).
    out.push_back(kolding("Indvandrerkvindecentret / Send Flere Krydderier", "forening",
                          {{S::Idea, "2015-10-01", ""}}));
    return out;
}

}  // namespace

std::string demo_cvr(std::int64_t seed7) {
    static constexpr int weights[] = {2, 7, 6, 5, 4, 3, 2};
    for (std::int64_t seed = seed7;; ++seed) {
        std::string digits = std::to_string(seed);
        if (digits.size() != 7 || digits[0] == '0') continue;
        int sum = 0;
        for (int i = 0; i < 7; ++i) sum += weights[i] * (digits[i] - '0');
        int check = (11 - sum % 11) % 11;
        if (check == 10) continue;
        return digits + static_cast<char>('0' + check);
    }
}

core::Result<int> load_demo(EnterpriseService& service, const core::Actor& actor) {
    std::vector<DemoEnterprise> all = slagelse();
    for (auto& k : kolding_list()) all.push_back(std::move(k));
    int created = 0;
    for (const auto& d : all) {
        EnterpriseInput in;
        in.name = d.name;
        in.cvr = d.cvr_seed > 0 ? demo_cvr(d.cvr_seed) : std::string();
        in.legal_form = d.legal_form;
        in.kind = std::string(kind_code(d.kind));
        in.municipality = d.municipality;
        in.address = d.address;
        in.purpose = d.purpose;
        in.description = d.description;
        in.plans = d.plans;
        in.employees = d.employees;
        in.fte = d.fte;
        for (const char* g : d.target_groups) in.target_groups.emplace_back(g);
        in.status = std::string(status_code(d.statuses.front().status));
        in.status_date = d.statuses.front().date;
        BB_ASSIGN(Enterprise e, service.create(in, actor));
        for (std::size_t i = 1; i < d.statuses.size(); ++i) {
            const auto& s = d.statuses[i];
            BB_TRY(service.record_status(e.id, {std::string(status_code(s.status)), s.date, s.note}, actor));
        }
        ++created;
    }
    return created;
}

}  // namespace enterprises
