package org.tandem.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Indexes on the engine's history that the engine does not create itself, added once its schema exists. A person's
 * erasure (DP-2) finds the processes that have to do with them by the tasks they were given and the processes they
 * started, and the permissions granted to them, which outlive the tasks they were for until the history goes;
 * without these, each of those lookups reads the whole history of every relationship. The names carry the
 * product's prefix, so they are told apart from the engine's own.
 */
@Component
class HistoryIndexes extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(HistoryIndexes.class);

  static final List<String> INDEXES = List.of(
      "create index if not exists tandem_hi_taskinst_assignee on act_hi_taskinst (assignee_)",
      "create index if not exists tandem_hi_procinst_start_user on act_hi_procinst (start_user_id_)",
      "create index if not exists tandem_ru_authorization_user on act_ru_authorization (user_id_)");

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    var dataSource = ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine
        .getProcessEngineConfiguration()).getDataSource();
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(true);
      for (String index : INDEXES) {
        try {
          statement.execute(index);
        } catch (SQLException racedOrRefused) {
          // another node creating the same index at the same moment; it exists either way, or the next start adds it
          LOG.warn("Could not add an index to the engine's history ({}): {}", index, racedOrRefused.getMessage());
        }
      }
      connection.setAutoCommit(autoCommit);
    } catch (SQLException e) {
      LOG.warn("Could not add indexes to the engine's history: {}", e.getMessage());
    }
  }
}
