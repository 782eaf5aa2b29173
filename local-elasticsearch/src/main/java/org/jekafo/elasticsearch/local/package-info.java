/**
 * Runs the Elasticsearch "integ-test" distribution, fetched from Maven Central, as a local child
 * process for development runs and test suites, without Docker.
 *
 * <p>The only public type is {@link org.jekafo.elasticsearch.local.LocalElasticsearch}; everything
 * else in this package is an implementation detail.
 */
package org.jekafo.elasticsearch.local;
