package nl.meedenken.driving.web;

import nl.meedenken.driving.internal.DriverWeeks;
import nl.meedenken.driving.internal.DrivingRecords;
import nl.meedenken.driving.internal.Agreements;
import nl.meedenken.driving.internal.Figures;
import nl.meedenken.driving.internal.Visibility;
import nl.meedenken.organisation.People;
import nl.meedenken.organisation.PersonId;
import nl.meedenken.organisation.PersonSummary;
import nl.meedenken.organisation.TeamSummary;
import nl.meedenken.platform.Role;
import nl.meedenken.platform.SignedInUser;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Driving figures for planners, team leads and management: team totals and individual drivers, each only
 * as far as the agreement in force allows. Opening a driver's figures is written down for that driver.
 */
@Controller
@RequestMapping("/driving/drivers")
class DriversController {

    record TeamRow(TeamSummary team, int drivers, DriverWeeks.Group group) {
    }

    private final DriverWeeks weeks;
    private final DrivingRecords records;
    private final Visibility visibility;
    private final Agreements agreements;
    private final People people;

    DriversController(DriverWeeks weeks, DrivingRecords records, Visibility visibility, Agreements agreements,
                      People people) {
        this.weeks = weeks;
        this.records = records;
        this.visibility = visibility;
        this.agreements = agreements;
        this.people = people;
    }

    @GetMapping
    String list(@RequestParam(name = "week", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate week,
                @AuthenticationPrincipal SignedInUser me, Model model) {
        LocalDate today = records.today();
        LocalDate chosen = week == null ? records.weekToOpen(null, visibility.teamNotBefore())
                : DrivingRecords.weekOf(week.isAfter(today) || week.isBefore(today.minusYears(2)) ? today : week);
        List<PersonSummary> drivers = people.withRole(Role.DRIVER).stream().filter(PersonSummary::active)
                .sorted(Comparator.comparing(PersonSummary::name)).toList();
        model.addAttribute("week", chosen);
        model.addAttribute("thisWeek", DrivingRecords.weekOf(today));
        model.addAttribute("agreement", agreements.inForce().orElse(null));
        model.addAttribute("visible", visibility.openable(me, drivers));
        boolean teams = visibility.teamFigures(me);
        model.addAttribute("teamFigures", teams);
        if (teams) {
            // who drove that week (also drivers who left since), never the reader: a total cannot be taken apart
            List<PersonSummary> drove = records.driversWithData(chosen, chosen.plusDays(6)).stream()
                    .filter(id -> id != me.personId())
                    .map(id -> people.find(new PersonId(id))).flatMap(java.util.Optional::stream).toList();
            List<TeamRow> rows = new ArrayList<>();
            for (TeamSummary team : people.teams()) {
                List<Long> members = drove.stream().filter(d -> team.id().equals(d.team())).map(d -> d.id().value()).toList();
                boolean driversTeam = drivers.stream().anyMatch(d -> team.id().equals(d.team()));
                if (driversTeam || !members.isEmpty()) {
                    rows.add(new TeamRow(team, members.size(), weeks.group(members, chosen)));
                }
            }
            model.addAttribute("teams", rows);
            model.addAttribute("teamPart", rows.stream().map(TeamRow::group)
                    .filter(g -> g.limit() == DriverWeeks.Limit.AGREEMENT && !g.hidesAll() && g.horizon().agreementOn() != null)
                    .map(DriverWeeks.Group::horizon).findFirst().orElse(null));
        }
        model.addAttribute("minDrivers", Visibility.MIN_DRIVERS);
        return "driving/drivers";
    }

    @GetMapping("/{id}")
    String driver(@PathVariable long id,
                  @RequestParam(name = "week", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate week,
                  @AuthenticationPrincipal SignedInUser me, Model model) {
        PersonSummary driver = people.find(new PersonId(id)).filter(p -> p.has(Role.DRIVER))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Visibility.Audience audience = visibility.individual(me, id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
        LocalDate today = records.today();
        LocalDate chosen = week == null ? records.weekToOpen(id, visibility.notBefore(audience))
                : DrivingRecords.weekOf(week.isAfter(today) || week.isBefore(today.minusYears(2)) ? today : week);
        visibility.viewed(id, me, audience, chosen);
        model.addAttribute("driver", driver);
        model.addAttribute("view", weeks.of(id, chosen, visibility.notBefore(audience)));
        model.addAttribute("thisWeek", DrivingRecords.weekOf(today));
        model.addAttribute("audience", audience);
        return "driving/driver";
    }
}
