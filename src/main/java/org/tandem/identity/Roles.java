package org.tandem.identity;

import java.util.List;

/** The Camunda groups that stand for the product's roles (RULES.md, "People and roles"). */
public final class Roles {

  public static final String COORDINATORS = "coordinators";
  public static final String COACHES = "coaches";
  public static final String CLIENTS = "clients";
  public static final String SPONSORS = "sponsors";
  public static final String ASSESSORS = "assessors";
  /** Camunda's own administrators' group: full access to Admin, Cockpit and Tasklist. */
  public static final String ADMINS = org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN;

  /** The roles that work in Tasklist. */
  public static final List<String> TASKLIST_ROLES = List.of(COORDINATORS, COACHES, CLIENTS, SPONSORS, ASSESSORS);

  private Roles() {
  }
}
