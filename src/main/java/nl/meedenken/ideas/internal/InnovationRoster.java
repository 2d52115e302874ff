package nl.meedenken.ideas.internal;

import nl.meedenken.organisation.People;
import nl.meedenken.organisation.PersonId;
import nl.meedenken.organisation.PersonSummary;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Innovation teams: a name, a mandate, members, and the challenges they work on. */
@Service
public class InnovationRoster {

    private final JdbcClient jdbc;
    private final People people;
    private final Clock clock;

    InnovationRoster(JdbcClient jdbc, People people, Clock clock) {
        this.jdbc = jdbc;
        this.people = people;
        this.clock = clock;
    }

    public record Team(long id, String name, String mandate, List<PersonSummary> members,
                       List<ChallengeRef> challenges) {

        public boolean has(long personId) {
            return members.stream().anyMatch(m -> m.id().value() == personId);
        }
    }

    public record ChallengeRef(long id, String title) {
    }

    @Transactional
    public long create(String name, String mandate, Set<Long> members, String by) {
        String n = IdeaBox.text(name, "name", 120);
        String m = IdeaBox.text(mandate, "mandate", 2000);
        checkMembers(members);
        long id;
        try {
            id = jdbc.sql("insert into innovation_team (name, mandate, created_by, created_at) values (:n, :m, :by, :at) returning id")
                    .param("n", n).param("m", m).param("by", by).param("at", Timestamp.from(clock.instant()))
                    .query(Long.class).single();
        } catch (DuplicateKeyException taken) {
            throw new InvalidIdea("name", "innovation.error.nameTaken");
        }
        for (long member : members) {
            jdbc.sql("insert into innovation_team_member (team_id, person_id) values (:t, :p)")
                    .param("t", id).param("p", member).update();
        }
        return id;
    }

    /** Changes the name, the mandate and the members. */
    @Transactional
    public void change(long id, String name, String mandate, Set<Long> members) {
        String n = IdeaBox.text(name, "name", 120);
        String m = IdeaBox.text(mandate, "mandate", 2000);
        checkMembers(members);
        try {
            jdbc.sql("update innovation_team set name = :n, mandate = :m where id = :id").param("n", n).param("m", m)
                    .param("id", id).update();
        } catch (DuplicateKeyException taken) {
            throw new InvalidIdea("name", "innovation.error.nameTaken");
        }
        jdbc.sql("delete from innovation_team_member where team_id = :t").param("t", id).update();
        for (long member : members) {
            jdbc.sql("insert into innovation_team_member (team_id, person_id) values (:t, :p)")
                    .param("t", id).param("p", member).update();
        }
    }

    private void checkMembers(Set<Long> members) {
        if (members == null || members.isEmpty()) {
            throw new InvalidIdea("members", "innovation.error.members");
        }
        for (long member : members) {
            if (people.find(new PersonId(member)).filter(PersonSummary::active).isEmpty()) {
                throw new InvalidIdea("members", "innovation.error.members");
            }
        }
    }

    @Transactional(readOnly = true)
    public Optional<Team> find(long id) {
        return jdbc.sql("select id, name, mandate from innovation_team where id = :id").param("id", id)
                .query((rs, i) -> new Team(rs.getLong(1), rs.getString(2), rs.getString(3), members(rs.getLong(1)),
                        challenges(rs.getLong(1)))).optional();
    }

    @Transactional(readOnly = true)
    public List<Team> all() {
        return jdbc.sql("select id, name, mandate from innovation_team order by name")
                .query((rs, i) -> new Team(rs.getLong(1), rs.getString(2), rs.getString(3), members(rs.getLong(1)),
                        challenges(rs.getLong(1)))).list();
    }

    /** Whether the person is in any innovation team (they may then start experiments). */
    @Transactional(readOnly = true)
    public boolean inAnyTeam(long personId) {
        return jdbc.sql("select count(*) from innovation_team_member where person_id = :p").param("p", personId)
                .query(Integer.class).single() > 0;
    }

    private List<PersonSummary> members(long team) {
        return jdbc.sql("select person_id from innovation_team_member where team_id = :t").param("t", team)
                .query(Long.class).list().stream()
                .flatMap(p -> people.find(new PersonId(p)).stream())
                .sorted(java.util.Comparator.comparing(PersonSummary::name)).toList();
    }

    private List<ChallengeRef> challenges(long team) {
        return jdbc.sql("select challenge_id, challenge_title from innovation_team_challenge where team_id = :t order by challenge_id")
                .param("t", team).query((rs, i) -> new ChallengeRef(rs.getLong(1), rs.getString(2))).list();
    }
}
