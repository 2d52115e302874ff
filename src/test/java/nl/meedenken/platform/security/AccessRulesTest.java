package nl.meedenken.platform.security;

import nl.meedenken.TestLogins;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every page group against every demo persona and an anonymous visitor: who gets in,
 * who is sent to sign in, and who is refused.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AccessRulesTest {

    private static final String ANONYMOUS = "anonymous";

    /** A representative page of each group and the personas allowed in; null means public. */
    private static final Map<String, Set<String>> GROUPS = Map.ofEntries(
            Map.entry("/login", Set.of()),
            Map.entry("/activate", Set.of()),
            Map.entry("/actuator/health", Set.of()),
            Map.entry("/", everyone()),
            Map.entry("/profile", everyone()),
            Map.entry("/admin/people", Set.of("admin")),
            Map.entry("/admin/people/new", Set.of("admin")),
            Map.entry("/admin/people/import", Set.of("admin")),
            Map.entry("/admin/teams", Set.of("admin")),
            Map.entry("/admin/sites", Set.of("admin")),
            Map.entry("/admin/audit", Set.of("admin")),
            Map.entry("/actuator/prometheus", Set.of("admin")),
            Map.entry("/scan", everyone()),
            Map.entry("/openbook", everyone()),
            Map.entry("/openbook/manage", Set.of("manager")),
            Map.entry("/openbook/manage/import", Set.of("manager")),
            Map.entry("/scan/answer", Set.of()),
            Map.entry("/scan/campaigns", Set.of("manager", "council", "teamlead")),
            Map.entry("/scan/campaigns/new", Set.of("manager")),
            Map.entry("/scan/campaigns/2", Set.of("manager", "council", "teamlead")),
            Map.entry("/scan/campaigns/2/report", Set.of("manager", "council")),
            Map.entry("/scan/campaigns/2/results.csv", Set.of("manager", "council")),
            Map.entry("/scan/campaigns/2/batches", Set.of("manager", "council")),
            Map.entry("/scan/campaigns/2/audit", Set.of("manager", "council")),
            Map.entry("/actions", everyone()),
            Map.entry("/actions/overdue", everyone()),
            Map.entry("/actions/new", everyone()),
            Map.entry("/evaluations", everyone()),
            Map.entry("/evaluations/schedule", Set.of("manager", "teamlead")),
            Map.entry("/learning", everyone()),
            Map.entry("/learning/report", everyone()),
            Map.entry("/learning/lessons", everyone()),
            Map.entry("/learning/follow-up", Set.of()),
            Map.entry("/learning/reports", Set.of("manager", "teamlead")),
            Map.entry("/ideas", everyone()),
            Map.entry("/ideas/new", everyone()),
            Map.entry("/ideas/impact", everyone()),
            Map.entry("/ideas/experiments", everyone()),
            Map.entry("/ideas/experiments/new", Set.of("manager", "teamlead")),
            Map.entry("/ideas/teams", everyone()),
            Map.entry("/ideas/teams/new", Set.of("manager")),
            Map.entry("/challenges", everyone()),
            Map.entry("/challenges/new", everyone()),
            Map.entry("/notifications", everyone()),
            Map.entry("/driver", Set.of("driver")),
            Map.entry("/driving", everyone()),
            Map.entry("/driving/formula", everyone()),
            Map.entry("/driving/access", everyone()),
            Map.entry("/driving/agreement", everyone()),
            Map.entry("/driving/agreement/new", Set.of("manager")),
            Map.entry("/driving/drivers", Set.of("planner", "teamlead", "manager")),
            Map.entry("/driving/loading", Set.of("driver", "warehouse", "council", "planner", "teamlead", "manager")),
            Map.entry("/driving/admin", Set.of("admin")),
            Map.entry("/innovations", everyone()),
            Map.entry("/innovations/new", Set.of("manager")),
            Map.entry("/transport", Set.of("planner", "manager")),
            Map.entry("/routing", Set.of("planner", "manager")),
            Map.entry("/transport/orders", Set.of("planner", "manager")),
            Map.entry("/transport/orders/import", Set.of("planner", "manager")),
            Map.entry("/transport/customers", Set.of("planner", "manager")),
            Map.entry("/transport/wishes", Set.of("planner", "manager")),
            Map.entry("/transport/settings", Set.of("planner", "manager")),
            Map.entry("/transport/loading", Set.of("warehouse", "council", "planner", "manager")),
            Map.entry("/leadership/lessons/1", Set.of("manager", "teamlead", "admin")),
            Map.entry("/leadership/feedback", Set.of("manager", "teamlead")),
            Map.entry("/leadership/feedback/wave", Set.of("manager")),
            Map.entry("/leadership/leaders", Set.of("manager")),
            Map.entry("/leadership/programme", Set.of("manager", "admin")),
            Map.entry("/leadership/programme/new", Set.of("manager", "admin")));

    private static final Set<String> PUBLIC = Set.of("/login", "/activate", "/actuator/health", "/scan/answer",
            "/learning/follow-up");

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;

    static Set<String> everyone() {
        return Set.of(TestLogins.PERSONAS);
    }

    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        List<String> visitors = new ArrayList<>(List.of(TestLogins.PERSONAS));
        visitors.add(ANONYMOUS);
        GROUPS.forEach((path, allowed) -> visitors.forEach(v -> cases.add(Arguments.of(path, v,
                PUBLIC.contains(path) || allowed.contains(v)))));
        return cases.stream();
    }

    @ParameterizedTest(name = "{1} on {0}: allowed={2}")
    @MethodSource("matrix")
    void eachRoleReachesOnlyItsOwnPages(String path, String visitor, boolean allowed) throws Exception {
        var request = get(path);
        if (!visitor.equals(ANONYMOUS)) {
            request = request.with(TestLogins.as(users, visitor));
        }
        var result = mvc.perform(request);
        if (PUBLIC.contains(path) && path.equals("/login") && !visitor.equals(ANONYMOUS)) {
            result.andExpect(status().is3xxRedirection());
        } else if (allowed) {
            result.andExpect(status().isOk());
        } else if (visitor.equals(ANONYMOUS)) {
            result.andExpect(status().is3xxRedirection()).andExpect(r ->
                    org.assertj.core.api.Assertions.assertThat(r.getResponse().getRedirectedUrl()).endsWith("/login"));
        } else {
            result.andExpect(status().isForbidden());
        }
    }
}
