// Demo events: see demo.hpp. Dates are spread over the year; 003 gives only the months of the
// fundraising talk (May) and the evaluation (November).
#include "events/demo.hpp"

#include <map>
#include <string>

namespace events {

namespace {

const char* const k_members[] = {"Sumak",           "BEVAR",          "VeteranHaven",       "MinaGroup",
                                 "Manden og Konen", "FriRUM Lab",     "Danmarks Busmuseum", "Villa Fjordhøj",
                                 "CSRnext",         "Kirkens Korshær"};

struct DemoEvent {
    const char* date;
    const char* title;
    const char* theme;
    const char* summary;
    int present;  ///< how many of k_members were present (the first n)
    bool fundraiser;
};

}  // namespace

core::Result<int> load_demo(EventService& service, const core::Actor& actor) {
    BB_ASSIGN(auto choices, service.enterprise_choices(actor));
    std::map<std::string, std::string> ids;  // name → id
    for (const auto& c : choices) ids.emplace(c.label, c.value);

    const DemoEvent meetings[] = {
        {"2018-02-21", "Netværksmøde: årets plan", "Planen for netværket i 2018",
         "Virksomhederne og initiativerne fortalte om deres planer for året.", 8, false},
        {"2018-05-23", "Netværksmøde: fundraising", "Fundraising",
         "Jan Hansen, Practicum, holdt oplæg om fundraising: pulje- og fondsområdet, tematiske og "
         "ansøgningstekniske tendenser samt gode råd til en ansøgning.",
         9, true},
        {"2018-09-19", "Netværksmøde: samarbejde på tværs", "Samarbejde mellem virksomhederne",
         "Erfaringer fra samarbejdet mellem Sund og Bælt og VeteranHaven på Sprogø.", 7, true},
        {"2018-11-21", "Netværksmøde: evaluering af året", "Evaluering af netværksmøderne",
         "Netværket evaluerede møderne. Ønsket var at se mere til hinanden, så der inviteres til seks "
         "netværksmøder i 2019, og temaerne for 2019 blev valgt.",
         9, true},
        {"2019-01-30", "Netværksmøde", "Samarbejde mellem socialøkonomiske virksomheder og initiativer", "",
         0, false},
        {"2019-03-27", "Netværksmøde", "Ideer som andre kan være med til", "", 0, false},
        {"2019-05-22", "Netværksmøde", "Samarbejde med CSR-partnere", "", 0, false},
        {"2019-08-28", "Netværksmøde", "Sociale medier – hvordan?", "", 0, false},
        {"2019-10-23", "Netværksmøde", "Frivilligcenteret som gæst", "", 0, false},
        {"2019-12-04", "Netværksmøde", "Årsrapporten", "", 0, false},
    };
    int created = 0;
    for (const auto& m : meetings) {
        EventInput in;
        in.held_on = m.date;
        in.kind = "network_meeting";
        in.title = m.title;
        in.theme = m.theme;
        in.place = "Kvarterhuset, Motalavej, Slagelse";
        in.summary = m.summary;
        int n = 0;
        for (const char* name : k_members) {
            ParticipantInput p;
            auto it = ids.find(name);
            if (it != ids.end())
                p.enterprise_id = it->second;
            else
                p.name = name;
            p.invited = true;
            p.present = n++ < m.present;
            in.participants.push_back(std::move(p));
        }
        if (m.fundraiser) in.participants.push_back({"", "Jan Hansen, Practicum", true, true});
        BB_TRY(service.create(in, actor));
        ++created;
    }
    BB_TRY(service.set_themes(
        2019,
        {"At sætte fokus på mere samarbejde mellem socialøkonomiske virksomheder og initiativer",
         "Videndeling og det at inspirere/hjælpe hinanden via sparring",
         "Præsentere ideer som andre kan være med til", "Introduktion til virksomheder og initiativer",
         "Samarbejde med CSR partnere", "Sociale medier – hvordan?", "Ressourcedelinger",
         "Frivilligcenteret som gæst", "Årsrapporten"},
        actor));
    return created;
}

core::Result<int> load_demo(db::Database& db, const core::Clock& clock) {
    audit::AuditLog log(clock);
    EventService service(db, clock, log);
    return load_demo(service, core::Actor::system("demo-data"));
}

}  // namespace events
