// The 2018 demo narrative of Slagelse: shortened, faithful excerpts of 003.
#include "core/date.hpp"
#include "report/report_service.hpp"
#include "report/service_detail.hpp"
#include "report/sql.hpp"

namespace report {
namespace {

struct DemoPoint {
    const char* code;
    const char* title;
    const char* intro;
    const char* happened;
    const char* recommendation;
};

constexpr DemoPoint k_points[] = {
    {"6.1", "CSR og socialøkonomi",
     "Allerede i 2008 vedtog Folketinget, at de 1100 største virksomheder i Danmark i forbindelse med deres "
     "årsrapport også skulle redegøre for deres arbejde med samfundsansvar (CSR).",
     "Der er i 2018 etableret to samarbejder mellem CSR-virksomheder og socialøkonomiske virksomheder. Der "
     "er "
     "udviklet et paradigme for samarbejdsaftaler.",
     "Det anbefales, at der arbejdes videre med CSR og socialøkonomi med afsæt i nuværende erfaringer."},
    {"6.2", "Ansøgninger og fondsmidler til socialøkonomi",
     "I den danske socialøkonomi er der gode eksempler på, at socialøkonomiske virksomheder er opstået som "
     "en "
     "følge af midler fra en pulje eller fond.",
     "I 2018 har Socialøkonomisk Netværk og den socialøkonomiske enhed indgået samarbejde med en fundraiser. "
     "Virksomhederne har modtaget disse bevillinger:",
     "Det anbefales, at der arbejdes videre med ansøgninger og midler til socialøkonomi, med ekstra fokus på "
     "evaluering, effektmåling og metodebeskrivelse."},
    {"6.3", "Boligområder med helhedsplan",
     "De udsatte boligområder er kendetegnet ved en beboersammensætning, hvor en større andel af beboerne er "
     "uden beskæftigelse.",
     "Der er arbejdet med socialøkonomiske initiativer i boligområderne med helhedsplan.",
     "Det anbefales, at der arbejdes videre med boligområder med helhedsplan, og at der ses på muligheden "
     "for at "
     "købe forløb hos eksisterende socialøkonomiske virksomheder i områderne."},
    {"6.4", "Udvidelse af målgruppen",
     "Arbejdsmarkedsbalancen sætter fokus på, at der fremadrettet er deltidsjob inden for hotel og "
     "restauration.",
     "Der er arbejdet med deltidsjob og samarbejdsaftaler om forløb.",
     "Det anbefales, at der arbejdes videre med udvidelse af målgruppen med afsæt i erfaringerne fra "
     "deltidsjob "
     "og samarbejdsaftaler om forløb."},
    {"6.5", "Lokale indkøb",
     "Arbejdsmarked og Integration har to samarbejdsaftaler om forløb i socialøkonomiske virksomheder hos "
     "VeteranHaven og Sumak. Der indkøbes 8 forløb hvert sted.",
     "Samarbejdsaftalerne er evalueret sommeren 2018 ud fra otte spørgsmål:",
     "Det anbefales, at evaluering af nuværende og fremtidige forløb sker som beskrevet. Evalueringerne "
     "giver et "
     "godt grundlag for vurdering af pris kontra kvalitet."},
    {"6.6", "In-House løsninger",
     "In-House løsninger er et særligt jysk fænomen, som har vist sig at kunne lykkes i en erhvervsstruktur "
     "med "
     "flere mellemstore og store virksomheder.",
     "Der er arbejdet med en model for In-House løsninger tilpasset erhvervsstrukturen i Slagelse Kommune.",
     "Det anbefales, at der arbejdes videre med In-House løsninger, som tager afsæt i den beskrevne model."},
    {"6.7", "Tilføjelse A",
     "\"Strategien skal ses i sammenhæng med Beskæftigelsesplanens og kommunens målsætninger og tværgående "
     "politiske hovedspor\" (Beslutning i BIU d. 7.11.2017).",
     "Der er vedtaget et kommissorie, som beskriver retningen for Slagelse Kommune.",
     "Det anbefales, at der arbejdes videre med sammenhængen mellem strategi, socialøkonomi og kommunens "
     "målsætninger, og at der er en fast kontaktperson i Fleksjobteamet."},
    {"6.8", "Tilføjelse B",
     "\"Der skal arbejdes målrettet med ansættelser i socialøkonomiske virksomheder til fleksjobberettigede "
     "borgere\" (Beslutning i BIU d. 7.11.2017).",
     "Socialøkonomiske initiativer og virksomheder har ansat disse personer i 2018:",
     "At der fortsat arbejdes med at opnå minimum 30 job gennem socialøkonomiske virksomheder og "
     "initiativer."},
    {"6.9", "Tilføjelse C",
     "\"Der skal være fokus på borgernes progressionsmuligheder\" (Beslutning i BIU d. 7.11.2017).",
     "I socialøkonomien er der arbejdet med progression gennem en generel og en specifik tilgang. Eksempler "
     "på "
     "progression i timer:",
     "Det anbefales, at der arbejdes videre med borgernes progression via den generelle tilgang, og at der "
     "holdes fast i at udvikle erfaring med det specifikke eksempel."},
    {"6.10", "Tilføjelse D",
     "\"Ansættelse på disse mere rummelige arbejdspladser skal give målgrupperne mulighed for at blive "
     "optrænet\" "
     "(Beslutning i BIU d. 7.11.2017).",
     "Slagelse Jobcenter har to samarbejdsaftaler med Sumak og VeteranHaven, som er evalueret sommeren 2018, "
     "jf. "
     "punkt 6.5 Lokale indkøb.",
     "Ved indgåelse af flere samarbejdsaftaler om forløb anbefales det, at der arbejdes videre med "
     "paradigmet for "
     "socialøkonomiske samarbejdsaftaler."},
};

constexpr const char* k_preface =
    "Kære læser\n\n"
    "I 2017 vedtog vi i Slagelse Kommune en Strategi- og Udmøntningsplan for Socialøkonomi, som dækker frem "
    "til "
    "ultimo 2020. Ved hvert årsskifte udarbejdes en årsrapport, som fremlægges politisk. Årsrapporten "
    "indeholder "
    "anbefalinger til det fremtidige arbejde.\n\n"
    "Hvert punkt er bygget op identisk: en introduktion til punktet, hvad der reelt er sket og en anbefaling "
    "til "
    "det videre arbejde.\n\n"
    "Rigtig god læselyst.";

constexpr const char* k_introduction =
    "Du står nu med den første Socialøkonomiske Årsrapport 2018 fra Slagelse Kommune. Årsrapporten er "
    "udarbejdet "
    "sammen med de socialøkonomiske initiativer og virksomheder.\n\n"
    "Vi har to overordnede mål for perioden: at vinde Den Socialøkonomiske Årspris, og at der med udgangen "
    "af "
    "2020 skal eksistere 25 socialøkonomiske virksomheder og initiativer i Slagelse Kommune. Hvert år er "
    "målet "
    "desuden at levere 30 job.\n\n"
    "Vi modtog Den Socialøkonomiske Årspris på Folkemødet på Bornholm d. 15. juni 2018.";

constexpr const char* k_holistic[][2] = {
    {"Allerede i sagsfremstillingen til mødet i BIU d. 7.11.2017 blev det bemærket, at strategien for at "
     "lykkes skulle indtænkes i mål for Slagelse Kommune som helhed. Byrådet vedtog den 8. oktober 2018 et "
     "budgetforlig med særligt fokus på udvikling af socialøkonomiske virksomheder.",
     "Det anbefales, at der arbejdes med tilgangen fra budgetforliget, og at der er fokus på, at "
     "socialøkonomi "
     "kan strække sig over sektorer og centre."},
    {"Det er aftalt, at der hvert år ved årsskiftet afleveres en årsrapport, ligesom der gives status på job "
     "midt "
     "i året.",
     "Det anbefales, at udvalgene orienteres om status på job midt på året, og at der udarbejdes en "
     "årsrapport ved "
     "hvert årsskifte, som indeholder et samlet overblik."},
};

}  // namespace

core::Result<int> load_demo(db::Database& db, const core::Clock& clock) {
    return db.write([&](db::Connection& conn) -> core::Result<int> {
        BB_ASSIGN(auto existing, conn.query(sql::point_count));
        if (existing.first().int64(0) > 0) return 0;
        const std::string now = core::iso_timestamp(clock.now());
        constexpr std::int64_t year = 2018;
        BB_TRY(conn.query(sql::texts_upsert, {year, std::string(k_preface), std::string(k_introduction),
                                              std::string("2016-08-01"), std::string("2018-08-01"), now,
                                              std::string("demo-data")}));
        std::int64_t position = 0;
        for (const auto& p : k_points) {
            ++position;
            BB_ASSIGN(auto ins,
                      conn.query(sql::point_insert, {std::string(p.code), std::string(p.title), position,
                                                     std::int64_t{2017}, std::int64_t{2020}, now}));
            BB_TRY(
                conn.query(sql::point_text_insert, {year, ins.first().int64(0), std::string(p.intro),
                                                    std::string(p.happened), std::string(p.recommendation)}));
        }
        std::int64_t h = 0;
        for (const auto& item : k_holistic) {
            BB_TRY(conn.query(sql::holistic_insert, {year, ++h, std::string(item[0]), std::string(item[1])}));
        }
        return static_cast<int>(position);
    });
}

}  // namespace report
