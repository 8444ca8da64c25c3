package org.tandem.privacy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.common.EngineTime;

/**
 * DP-3: records are kept for the retention period after the business they belong to is finished, then disposed of.
 * The engine's history goes by Camunda's history cleanup: every process definition's time to live is the retention
 * period, counted from the end of its root process (a relationship's from its closure). The product's records go by
 * the {@code records-retention} process, every night, through each capability's {@link PersonalData}. Until then
 * they stay as confidential as they were.
 */
@Service
class Retention {

  private static final Logger LOG = LoggerFactory.getLogger(Retention.class);

  private final List<PersonalData> holders;
  private final ProcessEngine engine;
  private final JdbcClient jdbc;
  private final PrivacySettings settings;

  Retention(List<PersonalData> holders, ProcessEngine engine, JdbcClient jdbc, PrivacySettings settings) {
    this.holders = holders.stream().sorted(Comparator.comparingInt(PersonalData::erasureOrder)).toList();
    this.engine = engine;
    this.jdbc = jdbc;
    this.settings = settings;
  }

  /** The retention period in whole days, as the engine's time to live counts it. */
  public int days() {
    return (int) settings.retention().toDays();
  }

  /** Gives every deployed process definition the retention period as its history's time to live. */
  @EventListener(ContextRefreshedEvent.class)
  public void applyToTheEngine() {
    int updated = 0;
    for (ProcessDefinition definition : engine.getRepositoryService().createProcessDefinitionQuery().list()) {
      if (definition.getHistoryTimeToLive() == null || definition.getHistoryTimeToLive() != days()) {
        engine.getRepositoryService().updateProcessDefinitionHistoryTimeToLive(definition.getId(), days());
        updated++;
      }
    }
    if (updated > 0) {
      LOG.info("History of {} process definitions is now kept for {} days (tandem.privacy.retention)", updated,
          days());
    }
  }

  /** Disposes of every record whose retention period is over; answers how many went, by capability. */
  @Transactional
  public Map<String, Integer> disposeOfExpired() {
    Instant cutoff = EngineTime.now().minus(settings.retention());
    Map<String, Integer> disposed = new LinkedHashMap<>();
    for (PersonalData holder : holders) {
      disposed.put(holder.section(), holder.disposeOfExpired(cutoff));
    }
    int reads = jdbc.sql("delete from confidential_read where read_at < :cutoff")
        .param("cutoff", Timestamp.from(cutoff)).update();
    int erasures = jdbc.sql("delete from erasure_request where status in ('ERASED', 'HELD') and decided_at < :cutoff")
        .param("cutoff", Timestamp.from(cutoff)).update();
    int consents = jdbc.sql("""
            delete from consent where withdrawn_at < :cutoff
            and not exists (select 1 from coaching_request r where r.consent_id = consent.id)""")
        .param("cutoff", Timestamp.from(cutoff)).update();
    disposed.put("privacy", reads + erasures + consents);
    LOG.info("Records kept beyond {} days disposed of: {}", days(), disposed);
    return disposed;
  }
}
