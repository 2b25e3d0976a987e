// Matching demo data: citizens with matching attributes, job openings, an agreement and a need.
#include "openings/demo.hpp"

#include "citizens/citizen_service.hpp"
#include "openings/openings_service.hpp"
#include "placements/placements_service.hpp"

namespace openings {

namespace {

citizens::CitizenInput person(std::string ref, std::string name, std::string group, std::string competences,
                              std::string interests, std::string accommodations, std::string hmin,
                              std::string hmax, std::string postcode, std::string transport) {
    citizens::CitizenInput in;
    in.case_ref = std::move(ref);
    in.name = std::move(name);
    in.target_group = std::move(group);
    in.competences = std::move(competences);
    in.interests = std::move(interests);
    in.accommodations = std::move(accommodations);
    in.wished_hours_min = std::move(hmin);
    in.wished_hours_max = std::move(hmax);
    in.postcode = std::move(postcode);
    in.transport = std::move(transport);
    in.note = "Fiktiv borger i demodata til match";
    return in;
}

JobOpeningInput posted(std::int64_t enterprise, std::string title, std::string tasks, std::string hmin,
                       std::string hmax, std::string accommodations, std::string postcode,
                       std::string capacity, std::string tags, std::string start) {
    JobOpeningInput in;
    in.enterprise_id = std::to_string(enterprise);
    in.title = std::move(title);
    in.capacity = std::move(capacity);
    in.attributes.tasks = std::move(tasks);
    in.attributes.hours_min = std::move(hmin);
    in.attributes.hours_max = std::move(hmax);
    in.attributes.accommodations = std::move(accommodations);
    in.attributes.postcode = std::move(postcode);
    in.attributes.tags = std::move(tags);
    in.attributes.start_date = std::move(start);
    return in;
}

}  // namespace

core::Result<int> load_demo(OpeningsService& service, citizens::CitizenService& people,
                            placements::PlacementsService& placements) {
    const core::Actor actor = core::Actor::system("demo-data");
    // Idempotent without reading citizens (a read would write an audit row): the demo job
    // openings are the marker.
    BB_ASSIGN(auto existing, service.list_openings(actor));
    for (const auto& o : existing)
        if (o.source == Source::Posted) return 0;
    BB_ASSIGN(auto enterprises, placements.enterprise_choices(actor));
    if (enterprises.size() < 3) return 0;
    auto find = [&](std::string_view name, std::size_t fallback) {
        for (const auto& e : enterprises)
            if (e.label.find(name) != std::string::npos) return std::stoll(e.value);
        return std::stoll(enterprises[fallback].value);
    };
    const std::int64_t sumak = find("Sumak", 0);
    const std::int64_t veteran = find("VeteranHaven", 1);
    const std::int64_t third = find("Grøn", 2);
    const core::Date today = service.today();
    const std::string soon = today.add_days(14).iso();

    BB_TRY(people.create(
        person(k_demo_citizen_ref, "Maja Madsen", "forloebsdeltagere", "lager, rengøring, kundeservice",
               "lager, køkken", "ingen tunge løft", "10", "20", "4200", "bike"),
        actor));
    BB_TRY(people.create(
        person("DEMO-M002", "Omar Said", "kanten_af_arbejdsmarkedet", "havearbejde, pedelarbejde",
               "havearbejde, udendørs", "", "15", "25", "4220", "car"),
        actor));
    BB_TRY(people.create(person("DEMO-M003", "Lise Holm", "psykisk_saarbare", "køkken, opvask",
                                "bagning, køkken", "stille rum", "8", "12", "4180", "public"),
                         actor));

    int n = 0;
    const JobOpeningInput jobs[] = {
        posted(sumak, "Lagermedhjælper", "lager, pakning, rengøring", "10", "15",
               "ingen tunge løft, fleksible mødetider", "4200", "2", "indendørs, lille arbejdsplads", soon),
        posted(veteran, "Køkkenhjælp i kantinen", "køkken, opvask, kantine", "8", "15", "stille rum", "4180",
               "1", "indendørs", soon),
        posted(third, "Gartnermedhjælper", "havearbejde, pedelarbejde", "15", "30", "", "4230", "2",
               "udendørs", soon),
        posted(sumak, "Butiksassistent i genbrugsbutikken", "butik, kundeservice", "25", "30", "", "4700",
               "1", "", soon),
    };
    for (const auto& j : jobs) {
        BB_TRY(service.create_job_opening(j, actor));
        ++n;
    }

    placements::AgreementInput a;
    a.enterprise_id = std::to_string(sumak);
    a.title = "Samarbejdsaftale: Praktik i Sumak (match-demo)";
    a.start_date = today.add_days(-30).iso();
    a.end_date = today.add_days(335).iso();
    a.slots = "3";
    a.frame_weeks = "13";
    a.extension_weeks = "4";
    a.plan_deadline_days = "14";
    a.price = "0";
    a.price_unit = "per_placement";
    BB_ASSIGN(auto agreement, placements.create_agreement(a, actor));
    AttributesInput attrs;
    attrs.tasks = "kundeservice, rengøring, lager";
    attrs.hours_min = "10";
    attrs.hours_max = "20";
    attrs.accommodations = "ingen tunge løft";
    attrs.postcode = "4200";
    BB_TRY(service.set_attributes(Source::Agreement, agreement.id, attrs, actor));
    ++n;

    placements::NeedInput need;
    need.enterprise_id = std::to_string(veteran);
    need.title = "Pedelmedhjælper";
    need.tasks = "pedelarbejde, havearbejde";
    need.expected_on = today.add_days(60).iso();
    need.positions = "1";
    BB_ASSIGN(auto hiring, placements.create_need(need, actor));
    AttributesInput need_attrs;
    need_attrs.tasks = "pedelarbejde, havearbejde";
    need_attrs.hours_min = "20";
    need_attrs.hours_max = "25";
    need_attrs.postcode = "4200";
    need_attrs.start_date = hiring.expected_on.iso();
    BB_TRY(service.set_attributes(Source::Need, hiring.id, need_attrs, actor));
    ++n;
    return n;
}

}  // namespace openings
