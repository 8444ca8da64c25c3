package org.tandem.common;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A bean the BPMN models may name in their expressions, besides the product's delegates and listeners: for example
 * the settings their timers read ({@code ${lifecycleTimers.evaluationReminder()}}). No other bean is within reach of
 * a model.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface UsedInModels {
}
