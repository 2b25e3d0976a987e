// Demo grants: see demo.hpp.
#include "grants/demo.hpp"

#include <map>
#include <string>

namespace grants {

core::Result<int> load_demo(GrantService& service, const core::Actor& actor) {
    BB_ASSIGN(auto choices, service.enterprise_choices(actor));
    std::map<std::string, std::string> ids;  // name → id
    for (const auto& c : choices) ids.emplace(c.label, c.value);
    struct DemoGrant {
        const char* enterprise;
        const char* amount;
        bool approximate;
        const char* source;
        const char* purpose;
    };
    const DemoGrant grants[] = {
        {"MinaGroup", "150.000", false, "A.P. Møllers Støttefond",
         "Den Digitale Ressourcebank. Det er aftalt, at samarbejdet udvides i 2019."},
        {"Sumak", "475.000", false, "Styrelsen for Arbejdsmarked og Rekruttering (STAR), Satspuljen",
         "Videreudvikling af metoder for opkvalificering af borgere på kanten af arbejdsmarkedet. Puljen "
         "dækker "
         "frem i 2019."},
        {"VeteranHaven", "412.000", false, "13 givere",
         "Idagård fonden (værkstedshal til indendørs håndværk og opbevaring); Rotary Slagelse (middelalder "
         "legeborg til børn af brugerne af VH); Rotary København (værkstedsmaskiner); Henrik Thaarups fond "
         "for "
         "veteraner (støtte til ansættelse af veteraner uden for Slagelse Kommune); Veteran Jacob Stauning "
         "og "
         "familie (hjælp til indkøb af ny flagstang); Studenterbolaget, Aalborg (julekurve til sårbare "
         "veteranfamilier); Slagelse Firmaidræt (driftsopgaver); Advokaterne Ret og Råd (kontingent for 50 "
         "nye "
         "medlemmer); Revisionsfirmaet Beierholm, Slagelse (kontingent for 50 nye medlemmer); Vicath EQ ApS, "
         "Odense (driftsstøtte til VH); Facebook Crowd Funding (julekurve til sårbare veteranfamilier); "
         "Veterancenteret, Ringsted (tre arrangementer for målgruppen og deres pårørende); Grønvold & "
         "Schou/XL-Byg "
         "(køb af byggematerialer)."},
        {"Danmarks Busmuseum", "650.000", true,
         "RA's Støttefond/Danske Busvognmænd, Møllerens Fond, Varelotteriet, PU-Fonden, driftstilskud fra "
         "Slagelse Kommune og gaver, donationer fra private og lokale virksomheder",
         "Indkøb af unikke historiske veteranbusser, restaurering af disse samt udbygning af "
         "udstillingslokalerne."},
    };
    int created = 0;
    for (const auto& g : grants) {
        auto it = ids.find(g.enterprise);
        if (it == ids.end()) continue;
        GrantInput in;
        in.enterprise_id = it->second;
        in.year = "2018";
        in.amount = g.amount;
        in.approximate = g.approximate;
        in.source = g.source;
        in.purpose = g.purpose;
        BB_TRY(service.create(in, actor));
        ++created;
    }
    return created;
}

core::Result<int> load_demo(db::Database& db, const core::Clock& clock) {
    audit::AuditLog log(clock);
    GrantService service(db, clock, log);
    return load_demo(service, core::Actor::system("demo-data"));
}

}  // namespace grants
