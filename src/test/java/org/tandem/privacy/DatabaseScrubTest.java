package org.tandem.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tandem.support.ProductDatabase;

/** How the erasure finds a person in a table it knows nothing about: by identifier everywhere, by name in scope. */
class DatabaseScrubTest {

  private final DataSource dataSource = ProductDatabase.freshDataSource();
  private final JdbcClient jdbc = JdbcClient.create(dataSource);

  private void notification(String recipient, String body, String relationshipId) {
    jdbc.sql("insert into notification (cause_key, recipient_id, subject, body, relationship_id, created_at, "
        + "send_after, emailed) values (random_uuid(), :recipient, 'Reminder', :body, :relationship, "
        + "current_timestamp, current_timestamp, false)")
        .param("recipient", recipient).param("body", body).param("relationship", relationshipId).update();
  }

  private List<String> bodies(String relationshipId) {
    return jdbc.sql("select recipient_id || ': ' || body from notification where relationship_id = :id order by id")
        .param("id", relationshipId).query(String.class).list();
  }

  @Test
  @DisplayName("DP-2 ids and email addresses go wherever they are, whole words in any case; a shared name only where it is about the person")
  void identifiers_everywhere_names_in_scope() {
    notification("erin", "Hello Dana Smith, your session with erin is at ten", "R-000001");
    notification("bob", "Hello Dana Smith (another one)", "R-000002");
    notification("bob", "ERIN@EXAMPLE.ORG wrote to you; erinyard is a place, not erin", "R-000003");

    Map<String, Integer> changed = new DatabaseScrub(dataSource).scrub(new DatabaseScrub.Person(
        List.of(new DatabaseScrub.Replacement("erin", "erased-abc"),
            new DatabaseScrub.Replacement("erin@example.org", "[erased]")),
        List.of(new DatabaseScrub.Replacement("Dana Smith", "[erased]")),
        Set.of("R-000001")));

    assertThat(bodies("R-000001")).containsExactly("erased-abc: Hello [erased], your session with erased-abc is at ten");
    assertThat(bodies("R-000002")).as("a namesake's record is not about the person")
        .containsExactly("bob: Hello Dana Smith (another one)");
    assertThat(bodies("R-000003")).containsExactly("bob: [erased] wrote to you; erinyard is a place, not erased-abc");
    assertThat(changed).containsEntry("notification", 2);
  }
}
