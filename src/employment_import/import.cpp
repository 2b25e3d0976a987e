// Employment import: kinds, example files, access, and one run in one write transaction.
#include "employment_import/import.hpp"

#include "core/date.hpp"
#include "employment_import/context.hpp"

namespace employment_import {

std::string_view kind_word(Kind kind) {
    switch (kind) {
        case Kind::Agreements:
            return "agreements";
        case Kind::Placements:
            return "placements";
        case Kind::Jobs:
            return "jobs";
    }
    return "";
}

std::optional<Kind> parse_kind(std::string_view word) {
    for (Kind k : k_all_kinds)
        if (kind_word(k) == word) return k;
    return std::nullopt;
}

std::string_view kind_noun(Kind kind) {
    switch (kind) {
        case Kind::Agreements:
            return "aftaler";
        case Kind::Placements:
            return "forløb";
        case Kind::Jobs:
            return "job";
    }
    return "";
}

std::string_view example_name(Kind kind) {
    switch (kind) {
        case Kind::Agreements:
            return "aftaler";
        case Kind::Placements:
            return "forloeb";
        case Kind::Jobs:
            return "job";
    }
    return "";
}

std::span<const Column> columns(Kind kind) {
    switch (kind) {
        case Kind::Agreements:
            return detail::agreement_columns();
        case Kind::Placements:
            return detail::placement_columns();
        case Kind::Jobs:
            return detail::job_columns();
    }
    return {};
}

std::string_view example_csv(Kind kind) {
    switch (kind) {
        case Kind::Agreements:
            return "virksomhed_cvr;virksomhed;titel;start;slut;pladser;rammeuger;forlaengelse_uger;plan_"
                   "frist_dage;"
                   "fremmoede_interval_mdr;maalgruppe;maalgrupper;pris;prisenhed;leverancer\r\n"
                   ";Sumak;Forløb i café og catering 2018;2018-01-01;2018-12-31;8;13;13;14;2;"
                   "Kvinder med anden etnisk baggrund end "
                   "dansk;kvinder_anden_etnisk|Forløbsdeltagere;7.500;pr_forloeb;"
                   "Plan inden 14 dage, fremmødesedler hver 2. måned og opfølgningsmøder\r\n"
                   ";VeteranHaven;Forløb i VeteranHaven 2018;2018-01-01;2018-12-31;10;13;13;14;2;"
                   "Veteraner og ledige på kanten af "
                   "arbejdsmarkedet;veteraner|forloebsdeltagere;650;pr_plads_maaned;"
                   "Plan inden 14 dage og fremmødesedler hver 2. måned\r\n";
        case Kind::Placements:
            return "sagsnummer;navn;maalgruppe_borger;virksomhed_cvr;virksomhed;aftale;indsatstype;henvist;"
                   "start;"
                   "plan_dato;plan_ejerskab;slut;udfald;udfald_note;timer\r\n"
                   "EKS-1001;Amina Eksempel;kvinder_anden_etnisk;;Sumak;Forløb i café og catering "
                   "2018;lab_2_3;"
                   "2018-01-15;2018-02-01;2018-02-12;ja;2018-04-30;Ordinært job;Ansat på deltid;15\r\n"
                   "EKS-1002;Fatima Eksempel;;;Sumak;Forløb i café og catering 2018;Forløb efter LAB § 2, "
                   "nr. 3;"
                   "01.02.2018;15.02.2018;;;15.05.2018;education;;12\r\n"
                   "EKS-1003;Jens Eksempel;veteraner;;VeteranHaven;Forløb i VeteranHaven "
                   "2018;ressourceforloeb;"
                   "2018-03-01;2018-03-12;2018-03-20;nej;;;;20\r\n"
                   "EKS-1004;Lars Eksempel;;;VeteranHaven;Forløb i VeteranHaven "
                   "2018;Ressourceforløb;2018-04-03;;;;;;;\r\n";
        case Kind::Jobs:
            return "sagsnummer;navn;virksomhed_cvr;virksomhed;jobtype;kanal;ansat;ophoert;midlertidigt_"
                   "fleksjob;fra;"
                   "timer;intensitet\r\n"
                   "EKS-1001;Amina Eksempel;;Sumak;Deltidsjob;jobcenter;2018-05-01;;nej;2018-05-01;15;80\r\n"
                   "EKS-1001;;;Sumak;Deltidsjob;jobcenter;2018-05-01;;;2018-11-01;20;90 %\r\n"
                   "EKS-2001;Peter Eksempel;;VeteranHaven;fleksjob;anden;2018-06-01;;ja;2018-06-01;10;50\r\n"
                   "EKS-2001;;;VeteranHaven;fleksjob;anden;2018-06-01;;;2019-01-01;12,5;60\r\n";
    }
    return "";
}

bool may_import(Kind kind, const core::Actor& actor) {
    if (actor.is_casework()) return true;
    return kind == Kind::Agreements && actor.role == core::Role::Consultant;
}

core::Result<Report> Importer::run(Kind kind, std::string_view bytes, const core::Actor& actor,
                                   const Options& options) {
    if (!may_import(kind, actor))
        return core::Error::forbidden(
            kind == Kind::Agreements
                ? "Kun sagsbehandlere, konsulenter og administratorer kan importere aftaler."
                : "Kun sagsbehandlere og administratorer kan importere forløb og job.");
    Report report;
    report.dry_run = options.dry_run;
    bool xlsx = false;
    auto rows = detail::read_rows(bytes, columns(kind), options.limits, report, xlsx);
    if (!rows) {
        detail::finish(report);
        return report;
    }
    BB_ASSIGN(auto groups, m_registry.vocabulary(enterprises::VocabularyKind::TargetGroup));
    const std::string now = core::iso_timestamp(m_clock.now());
    auto done = m_db.write([&](db::Connection& conn) -> core::Result<void> {
        detail::Context ctx{conn, *rows, xlsx, report, options, actor, m_audit, now, groups};
        switch (kind) {
            case Kind::Agreements:
                BB_TRY(detail::import_agreements(ctx));
                break;
            case Kind::Placements:
                BB_TRY(detail::import_placements(ctx));
                break;
            case Kind::Jobs:
                BB_TRY(detail::import_jobs(ctx));
                break;
        }
        // A refused file still read the citizen register (names in the messages): log it.
        if (!report.errors.empty() && kind != Kind::Agreements)
            BB_TRY(detail::audit_run(
                ctx, "citizen", "afvist med " + std::to_string(report.errors.size()) + " fejl; intet gemt"));
        return {};
    });
    if (!done.ok()) return done.error();
    detail::finish(report);
    return report;
}

}  // namespace employment_import
