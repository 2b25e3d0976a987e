// Demo stories: see demo.hpp. 003 dates two of them (3 April, 15 June); the others are dated
// by what the text says (beginning of the year, the budget agreement in the autumn, the end of
// the year).
#include "stories/demo.hpp"

#include <map>
#include <string>

namespace stories {

core::Result<int> load_demo(StoryService& service, const core::Actor& actor) {
    BB_ASSIGN(auto choices, service.enterprise_choices(actor));
    std::map<std::string, std::string> ids;  // name → id
    for (const auto& c : choices) ids.emplace(c.label, c.value);
    struct DemoStory {
        const char* date;
        const char* title;
        const char* body;
        std::vector<const char*> enterprises;
    };
    const DemoStory stories[] = {
        {"2018-01-15",
         "Slagelse med i guide om socialøkonomi",
         "Selveje Danmark har udgivet en guide, som viser eksempler på, hvordan kommuner kan fremme "
         "socialøkonomi. Tre kommuner var udvalgt, og Slagelse Kommune var med.\n\nPjecen er sendt ud til "
         "kommunerne i Danmark i begyndelsen af året. Titlen er \"Gang i socialøkonomien – Guide til hvordan "
         "kommuner kan styrke socialøkonomi, skabe vækst og social merværdi\".",
         {}},
        {"2018-04-03",
         "Veteraner på Sprogø",
         "Den 3. april var dagen for opstart af samarbejdet mellem Sund og Bælt og VeteranHaven om veteraner "
         "på "
         "Sprogø.\n\nHistorien nåede fx til Sjællandske, P4, 3F's fagblad og endelig fredag hos Jes Dorph i "
         "Go' aften Danmark.",
         {"VeteranHaven", "Sund og Bælt"}},
        {"2018-06-15",
         "Prisen for socialøkonomi på Folkemødet",
         "Den 15. juni 2018 modtog vi prisen for socialøkonomi på Folkemødet på Bornholm.\n\nDen gav "
         "anledning "
         "til gæstedeltagelse i debat hos LOS under overskriften \"Socialøkonomi – fuser eller fremtid?\" og "
         "hos "
         "Selveje Danmark under overskriften \"Gang i socialøkonomien\".",
         {}},
        {"2018-10-01",
         "Socialøkonomi i budgetforliget",
         "Socialøkonomien er blevet en del af budgetforliget i Slagelse Kommune – både med en politisk "
         "beslutning "
         "om mere socialøkonomi og om socialøkonomiske virksomheder i Posthusets stueetage.",
         {}},
        {"2018-12-31",
         "6.154 visninger på LinkedIn",
         "Med udgangen af året viste det sig, at historien om modtagelsen af prisen havde afstedkommet 6.154 "
         "visninger på Slagelse Kommunes LinkedIn-side.\n\nDe 6.154 visninger betød, at historien var det "
         "tredje mest eksponerede indlæg på siden i 2018.",
         {}},
    };
    int created = 0;
    for (const auto& s : stories) {
        StoryInput in;
        in.story_date = s.date;
        in.title = s.title;
        in.body = s.body;
        in.published = true;
        for (const char* name : s.enterprises)
            if (auto it = ids.find(name); it != ids.end()) in.enterprise_ids.push_back(it->second);
        BB_TRY(service.create(in, actor));
        ++created;
    }
    return created;
}

core::Result<int> load_demo(db::Database& db, const core::Clock& clock) {
    audit::AuditLog log(clock);
    StoryService service(db, clock, log);
    return load_demo(service, core::Actor::system("demo-data"));
}

}  // namespace stories
