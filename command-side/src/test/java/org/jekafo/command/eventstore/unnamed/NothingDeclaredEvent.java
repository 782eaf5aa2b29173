package org.jekafo.command.eventstore.unnamed;

/** An event that forgot its stable name: scanning its package must refuse it. */
public record NothingDeclaredEvent(String id) {
}
