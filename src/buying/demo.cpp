// Demo buying data: see demo.hpp. Amounts are plausible demo values.
#include "buying/demo.hpp"

#include <map>
#include <string>

namespace buying {

core::Result<int> load_demo(BuyingService& service, const core::Actor& actor,
                            std::optional<std::int64_t> buyer_user_id) {
    BB_ASSIGN(auto choices, service.enterprise_choices(actor));
    std::map<std::string, std::string> ids;  // name → id
    for (const auto& c : choices) ids.emplace(c.label, c.value);
    const core::Date today = service.today();
    int created = 0;

    // ---- requests ----
    if (buyer_user_id && *buyer_user_id > 0) {
        core::Actor buyer = actor;
        buyer.role = core::Role::Buyer;
        buyer.user_id = *buyer_user_id;
        buyer.username = "indkoeber";
        buyer.enterprise_id.reset();
        struct DemoRequest {
            const char* enterprise;
            const char* message;
            const char* quantity;
            const char* answer_status;  // "" = waiting
            const char* answer;
        };
        const DemoRequest requests[] = {
            {"Sumak",
             "Vi holder temadag for 40 medarbejdere i Jobcenteret og vil gerne have frokost. Kan I levere "
             "kl. 11.45, og kan I tage hensyn til to vegetarer?",
             "40 kuverter", "answered",
             "Ja, det kan vi. Vi leverer kl. 11.30 og laver vegetariske retter til alle, der ønsker det."},
            {"BEVAR",
             "Vi søger 25 grydelapper som julegave til vores frivillige. Kan de leveres inden 1. december?",
             "25 sæt", "", ""},
            {"Blindes Arbejde", "Kan I lave 10 ekstra store skurebørster til vores køkkener?", "10 stk.",
             "declined",
             "Desværre har vi ikke materialer til den størrelse i år. Vi kan tilbyde vores almindelige "
             "model."},
        };
        for (const auto& r : requests) {
            auto it = ids.find(r.enterprise);
            if (it == ids.end()) continue;
            BB_ASSIGN(auto items, service.published_items(std::stoll(it->second)));
            if (items.empty()) continue;
            RequestInput in;
            in.item_id = std::to_string(items.front().id);
            in.buyer_organisation = "Slagelse Kommune, Jobcenter";
            in.message = r.message;
            in.quantity = r.quantity;
            in.desired_date = today.add_days(30).iso();
            BB_ASSIGN(Request sent, service.send_request(in, buyer));
            ++created;
            if (std::string(r.answer_status).empty()) continue;
            BB_TRY(service.answer_request(sent.id, {r.answer_status, r.answer}, actor));
        }
    }

    // ---- agreements ----
    std::map<std::string, std::int64_t> agreement_of;  // enterprise name → agreement id
    const std::string start = today.add_months(-24).iso();
    struct DemoAgreement {
        const char* enterprise;
        const char* title;
        const char* note;
        bool open_ended;
    };
    const DemoAgreement agreements[] = {
        {"Sumak", "Mødeforplejning og catering",
         "Frivillig indkøbsaftale: forplejning til interne møder og temadage "
         "bestilles hos Sumak, hvor der ikke er en fast aftale.",
         true},
        {"Blindes Arbejde", "Gaver til jubilæer og afsked",
         "Frivillig indkøbsaftale: i stedet for en flaske vin "
         "vælges en gave hos en socialøkonomisk virksomhed (002 eksempel 4).",
         false},
    };
    for (const auto& a : agreements) {
        auto it = ids.find(a.enterprise);
        if (it == ids.end()) continue;
        AgreementInput in;
        in.buyer_organisation = "Slagelse Kommune";
        in.enterprise_id = it->second;
        in.title = a.title;
        in.start_date = start;
        if (!a.open_ended) in.end_date = today.add_months(24).iso();
        in.note = a.note;
        BB_ASSIGN(Agreement created_agreement, service.create_agreement(in, actor));
        agreement_of[a.enterprise] = created_agreement.id;
        ++created;
    }

    // ---- a year of purchases ----
    struct DemoPurchase {
        const char* enterprise;
        const char* buyer;
        const char* amount;
        const char* description;
    };
    const DemoPurchase purchases[] = {
        {"Sumak", "Slagelse Kommune", "5.800", "Frokost til temadag i Jobcenteret"},
        {"Blindes Arbejde", "Slagelse Kommune", "1.250", "Jubilæumsgaver: børstesæt"},
        {"BEVAR", "Slagelse Kommune, Børn og Unge", "2.400", "Forklæder til madskolen"},
        {"Sumak", "Slagelse Kommune", "2.200", "Mødeforplejning, byrådsseminar"},
        {"VeteranHaven", "Boligselskabet Sjælland", "14.500", "Havearbejde i fællesarealer"},
        {"Sumak", "Slagelse Kommune", "3.150", "Kaffe og kage til netværksmøde"},
        {"Blindes Arbejde", "Slagelse Kommune", "875,50", "Afskedsgave"},
        {"Magleby Skolecenter", "Slagelse Kommune, Teknik og Miljø", "6.300", "Service på to tjenestebiler"},
        {"Sumak", "Slagelse Kommune", "4.900", "Frokostbuffet til MED-udvalget"},
        {"Affald Plus – PlusMarkeder", "Slagelse Kommune, Børn og Unge", "1.800", "Cykelreparationer"},
        {"Musholm – ferie, sport og konference", "Slagelse Kommune", "28.000",
         "Konferencedøgn for ledergruppen"},
        {"Sumak", "Slagelse Kommune", "2.650", "Mødeforplejning"},
    };
    int month = 0;
    for (const auto& p : purchases) {
        auto it = ids.find(p.enterprise);
        ++month;
        if (it == ids.end()) continue;
        PurchaseInput in;
        in.purchase_date = today.add_months(-(12 - month)).iso();
        in.amount = p.amount;
        in.buyer_organisation = p.buyer;
        in.enterprise_id = it->second;
        if (auto a = agreement_of.find(p.enterprise);
            a != agreement_of.end() && std::string(p.buyer) == "Slagelse Kommune")
            in.agreement_id = std::to_string(a->second);
        in.description = p.description;
        BB_TRY(service.record_purchase(in, actor));
        ++created;
    }
    return created;
}

}  // namespace buying
