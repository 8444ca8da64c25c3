/**
 * The engine around the models: deploys {@code processes/} and {@code forms/} and configures Camunda.
 */
package org.tandem.engine;
