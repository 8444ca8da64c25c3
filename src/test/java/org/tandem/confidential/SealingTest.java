package org.tandem.confidential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tandem.support.ProductDatabase;

/** The confidential store's seal: AES-256-GCM with a key from configuration, a generated key file, and rotation. */
class SealingTest {

  private static String newKey() {
    byte[] raw = new byte[32];
    new SecureRandom().nextBytes(raw);
    return Base64.getEncoder().encodeToString(raw);
  }

  private static Sealer sealer(String key, String... previous) {
    return new SealingKeys().sealer(new ConfidentialStoreSettings(key, List.of(previous), null));
  }

  @Test
  @DisplayName("SES-2 DP-3 a sealed record opens only with its key and in its own place; each seal is fresh")
  void seal_and_open() {
    Sealer sealer = sealer(newKey());
    String sealed = sealer.seal("Worried about the restructure", "confidential_note|R-000001|Task_RecordSession|x");

    assertThat(sealed).startsWith("v1:" + sealer.currentKeyId() + ":").doesNotContain("restructure");
    assertThat(sealer.seal("Worried about the restructure", "confidential_note|R-000001|Task_RecordSession|x"))
        .as("a fresh nonce each time").isNotEqualTo(sealed);
    assertThat(sealer.open(sealed, "confidential_note|R-000001|Task_RecordSession|x"))
        .isEqualTo("Worried about the restructure");
    assertThatThrownBy(() -> sealer.open(sealed, "confidential_note|R-000002|Task_RecordSession|x"))
        .hasMessageContaining("altered or belongs elsewhere");
    String tampered = sealed.substring(0, sealed.length() - 6) + (sealed.endsWith("AAAA==") ? "BBBB==" : "AAAA==");
    assertThatThrownBy(() -> sealer.open(tampered, "confidential_note|R-000001|Task_RecordSession|x"))
        .hasMessageContaining("altered");
    assertThatThrownBy(() -> sealer(newKey()).open(sealed, "confidential_note|R-000001|Task_RecordSession|x"))
        .hasMessageContaining("sealed with key " + sealer.currentKeyId());
  }

  @Test
  @DisplayName("DP-3 a key that is not 32 bytes of Base64, or no key at all in production, stops the start")
  void bad_keys() {
    assertThatThrownBy(() -> sealer("not base64!")).hasMessageContaining("tandem.privacy.key")
        .hasMessageContaining("not Base64");
    assertThatThrownBy(() -> sealer(Base64.getEncoder().encodeToString(new byte[16])))
        .hasMessageContaining("holds 16 bytes");
    assertThatThrownBy(() -> new SealingKeys().sealer(new ConfidentialStoreSettings("", List.of(), "")))
        .hasMessageContaining("TANDEM_PRIVACY_KEY");
  }

  @Test
  @DisplayName("DP-3 without a configured key, one is generated once, kept readable by its owner only, and reused")
  void generated_key_file(@TempDir Path data) throws Exception {
    Path file = data.resolve("keys").resolve("confidential-store.key");
    ConfidentialStoreSettings settings = new ConfidentialStoreSettings(null, List.of(), file.toString());

    Sealer first = new SealingKeys().sealer(settings);
    String sealed = first.seal("kept", "ctx");
    Sealer again = new SealingKeys().sealer(settings);

    assertThat(file).exists();
    assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(again.currentKeyId()).isEqualTo(first.currentKeyId());
    assertThat(again.open(sealed, "ctx")).isEqualTo("kept");
  }

  @Test
  @DisplayName("DP-3 key rotation: on start, records under a previous key and records from before sealing are resealed with the new key")
  void rotation() {
    DataSource dataSource = ProductDatabase.freshDataSource();
    JdbcClient jdbc = JdbcClient.create(dataSource);
    jdbc.sql("insert into relationship (id, kind, coach_id, client_id, status, opened_at) "
        + "values ('R-000001', 'COACHING', 'colin', 'clara', 'IN_PROGRESS', current_timestamp)").update();
    String oldKey = newKey();
    ConfidentialNotes underOldKey = new ConfidentialNotes(jdbc, sealer(oldKey));
    for (int i = 0; i < 3; i++) {
      underOldKey.save(note("Said in session " + i));
    }
    jdbc.sql("insert into confidential_note (relationship_id, author_id, topic, field, visibility, content, written_at)"
        + " values ('R-000001', 'colin', 'Task_RecordSession', 'confidentialActions', 'PAIR', 'from before sealing',"
        + " current_timestamp)").update();
    String newKey = newKey();
    Sealer rotated = sealer(newKey, oldKey);
    TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));

    assertThatThrownBy(() -> new ConfidentialStoreReseal(jdbc, sealer(newKey), transactions).reseal())
        .as("without the old key the start stops, naming it")
        .hasMessageContaining("sealed with key " + sealer(oldKey).currentKeyId());
    assertThat(new ConfidentialStoreReseal(jdbc, rotated, transactions).reseal()).isEqualTo(4);
    assertThat(new ConfidentialStoreReseal(jdbc, rotated, transactions).reseal()).as("nothing left to do").isZero();

    assertThat(jdbc.sql("select content from confidential_note").query(String.class).list())
        .allMatch(content -> content.startsWith("v1:" + rotated.currentKeyId() + ":"));
    assertThat(new ConfidentialNotes(jdbc, sealer(newKey)).of("R-000001")).extracting(ConfidentialNote::content)
        .containsExactly("Said in session 0", "Said in session 1", "Said in session 2", "from before sealing");
  }

  private static ConfidentialNote note(String content) {
    return new ConfidentialNote(null, "R-000001", "colin", "Task_RecordSession", "session 1", "confidentialKeyPoints",
        ConfidentialFields.Visibility.PAIR, content, Instant.parse("2026-03-02T10:00:00Z"));
  }
}
