package org.jekafo.app.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the one class of a feature that other features may use (e.g. the org tree, which members and the
 * caller's identity show). Everything else of a feature is its own: the architecture test refuses any other
 * dependency between two features' packages.
 */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface FeatureApi {
}
