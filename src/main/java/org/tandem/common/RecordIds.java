package org.tandem.common;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The ids of the product's records, readable over the phone: a letter and the next number of a sequence, R-000042. */
public final class RecordIds {

  private RecordIds() {
  }

  /** The next id from the database sequence, after the letter. */
  public static String next(JdbcClient jdbc, String sequence, String letter) {
    Long number = jdbc.sql("select nextval('" + sequence + "')").query(Long.class).single();
    return "%s-%06d".formatted(letter, number);
  }
}
