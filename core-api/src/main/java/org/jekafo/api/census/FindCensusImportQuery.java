package org.jekafo.api.census;

/**
 * An import by its id: answered with its {@link CensusImportView} by the instance that runs it (imports are kept by
 * the instance that received them), null by the others. As a subscription query, updated with the import's view at
 * each change, by whichever instance runs it, until it ends (DONE or FAILED: the last update).
 *
 * @param importId the id {@code POST /imports} answered
 */
public record FindCensusImportQuery(String importId) {
}
