package org.tandem.confidential;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On start, before the application serves anyone, seals every confidential record that is not sealed with the current
 * key: records from before sealing began, and records under a previous key after a rotation. A record under a key the
 * application was not given stops the start, naming the key, rather than leaving records no one can read.
 */
@Component
class ConfidentialStoreReseal implements SmartInitializingSingleton {

  private static final Logger LOG = LoggerFactory.getLogger(ConfidentialStoreReseal.class);

  private record Stored(long id, String relationshipId, String topic, String field, String content) {

    String context() {
      return new ConfidentialNote(id, relationshipId, null, topic, null, field, null, null, null).sealContext();
    }
  }

  private final JdbcClient jdbc;
  private final Sealer sealer;
  private final TransactionTemplate transactions;

  ConfidentialStoreReseal(JdbcClient jdbc, Sealer sealer, TransactionTemplate transactions) {
    this.jdbc = jdbc;
    this.sealer = sealer;
    this.transactions = transactions;
  }

  @Override
  public void afterSingletonsInstantiated() {
    int resealed = reseal();
    if (resealed > 0) {
      LOG.info("Resealed {} confidential records with key {}", resealed, sealer.currentKeyId());
    }
  }

  /** Reseals what is not under the current key; answers how many records were resealed. */
  int reseal() {
    String current = Sealer.VERSION + ":" + sealer.currentKeyId() + ":%";
    int total = 0;
    long after = 0;
    while (true) {
      long from = after;
      List<Stored> batch = jdbc.sql("""
              select id, relationship_id, topic, field, content from confidential_note
              where id > :after and content not like :current order by id
              fetch first 500 rows only""")
          .param("after", from).param("current", current)
          .query((rs, n) -> new Stored(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
              rs.getString(5)))
          .list();
      if (batch.isEmpty()) {
        return total;
      }
      for (Stored stored : batch) {
        if (Sealer.isSealed(stored.content()) && !sealer.canOpen(stored.content())) {
          throw new IllegalStateException("Confidential records are sealed with key "
              + Sealer.keyIdOf(stored.content()) + ", which is neither tandem.privacy.key nor one of "
              + "tandem.privacy.previous-keys. Give that key in tandem.privacy.previous-keys.");
        }
      }
      transactions.executeWithoutResult(status -> batch.forEach(stored -> {
        String text = Sealer.isSealed(stored.content())
            ? sealer.open(stored.content(), stored.context()) : stored.content();
        jdbc.sql("update confidential_note set content = :sealed where id = :id and content = :was")
            .param("sealed", sealer.seal(text, stored.context())).param("id", stored.id())
            .param("was", stored.content()).update();
      }));
      total += batch.size();
      after = batch.get(batch.size() - 1).id();
    }
  }
}
