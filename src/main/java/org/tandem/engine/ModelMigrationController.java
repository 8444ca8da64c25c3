package org.tandem.engine;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tandem.common.NotPermittedException;
import org.tandem.identity.Callers;
import org.tandem.identity.Roles;

/**
 * Model versions and the migration of running instances to a newer one, for administrators only: the versions of a
 * model, a dry run that says which instances can move and why the others cannot, the migration itself, and its
 * progress. The Cockpit view "Migrations" is built on these calls.
 */
@RestController
@RequestMapping("/api/models")
class ModelMigrationController {

  /** What an administrator sends: the target version (the latest when absent) and the mapping of renamed ids. */
  record MigrationRequest(Integer targetVersion, Map<String, String> mapping) {

    ModelMigrations.Request request() {
      return new ModelMigrations.Request(targetVersion, mapping);
    }
  }

  private final ModelMigrations migrations;

  ModelMigrationController(ModelMigrations migrations) {
    this.migrations = migrations;
  }

  @GetMapping
  List<ModelMigrations.Model> models(Authentication caller) {
    requireAdmin(caller);
    return migrations.models();
  }

  @GetMapping("/{key}/versions")
  List<ModelMigrations.Version> versions(@PathVariable String key, Authentication caller) {
    requireAdmin(caller);
    return migrations.versions(key);
  }

  @PostMapping("/{key}/migrations/dry-run")
  ModelMigrations.Report dryRun(@PathVariable String key, @RequestBody(required = false) MigrationRequest body,
      Authentication caller) {
    requireAdmin(caller);
    return migrations.dryRun(key, orEmpty(body).request());
  }

  @PostMapping("/{key}/migrations")
  @ResponseStatus(HttpStatus.ACCEPTED)
  ModelMigrations.Started migrate(@PathVariable String key, @RequestBody(required = false) MigrationRequest body,
      Authentication caller) {
    requireAdmin(caller);
    return migrations.migrate(key, orEmpty(body).request());
  }

  @GetMapping("/{key}/migrations/{batchId}")
  ModelMigrations.Progress progress(@PathVariable String key, @PathVariable String batchId, Authentication caller) {
    requireAdmin(caller);
    return migrations.progress(batchId);
  }

  private static MigrationRequest orEmpty(MigrationRequest body) {
    return body == null ? new MigrationRequest(null, Map.of()) : body;
  }

  private static void requireAdmin(Authentication caller) {
    if (!Callers.hasRole(caller, Roles.ADMINS)) {
      throw new NotPermittedException("Only administrators change models and migrate running instances.");
    }
  }
}
