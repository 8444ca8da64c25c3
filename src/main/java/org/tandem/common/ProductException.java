package org.tandem.common;

/**
 * The product refuses what was asked, by one of its rules, in words the person can act on. Services throw the
 * subclasses, which say nothing of HTTP; the API ({@code ApiErrors}) and engine REST answer each as a problem detail
 * with its status. Thrown before anything is written, so a refused request changes nothing.
 */
public abstract class ProductException extends RuntimeException {

  protected ProductException(String message) {
    super(message);
  }
}
