package nl.meedenken.driving.web;

import nl.meedenken.driving.internal.DrivingRecords;
import nl.meedenken.driving.internal.StopTimes;
import nl.meedenken.platform.Page;
import nl.meedenken.platform.Role;
import nl.meedenken.platform.SignedInUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalDate;
import java.util.List;

/**
 * Smart loading: time at stops against the planned service time over the last four weeks. The totals are
 * shown when at least five drivers are in them; planners and management (who see these times per trip in
 * transport anyway) get the list of trips, a driver only their own trips, others only the totals.
 */
@Controller
class LoadingTimesController {

    static final int DAYS = 28;
    static final int PAGE_SIZE = 25;

    private final StopTimes stopTimes;
    private final DrivingRecords records;

    LoadingTimesController(StopTimes stopTimes, DrivingRecords records) {
        this.stopTimes = stopTimes;
        this.records = records;
    }

    @GetMapping("/driving/loading")
    String loading(@RequestParam(name = "page", defaultValue = "0") int page, @AuthenticationPrincipal SignedInUser me,
                   Model model) {
        LocalDate to = records.today();
        LocalDate from = to.minusDays(DAYS);
        boolean office = me.has(Role.PLANNER) || me.has(Role.MANAGEMENT);
        boolean onlyMine = !office && me.has(Role.DRIVER);
        StopTimes.Overview all = stopTimes.between(from, to, null);
        List<StopTimes.Trip> trips = office ? all.trips() : onlyMine ? stopTimes.between(from, to, me.personId()).trips()
                : List.of();
        int number = Page.clamp(page, trips.size(), PAGE_SIZE);
        List<StopTimes.Trip> items = trips.subList(Math.min(trips.size(), number * PAGE_SIZE),
                Math.min(trips.size(), (number + 1) * PAGE_SIZE));
        model.addAttribute("summary", all.summary().drivers() >= nl.meedenken.driving.internal.Visibility.MIN_DRIVERS
                ? all.summary() : null);
        model.addAttribute("showTrips", office || onlyMine);
        model.addAttribute("minDrivers", nl.meedenken.driving.internal.Visibility.MIN_DRIVERS);
        model.addAttribute("page", new Page<>(items, number, PAGE_SIZE, trips.size()));
        model.addAttribute("onlyMine", onlyMine);
        model.addAttribute("from", from);
        return "driving/loading";
    }
}
