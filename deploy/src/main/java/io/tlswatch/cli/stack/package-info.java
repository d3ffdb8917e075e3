/**
 * The embedded default stack of {@code tlswatch demo} and {@code tlswatch up}: an ordered list of
 * services (Kafka, Elasticsearch, the indexer; the dashboard when it is on the build) started one
 * after the other on 127.0.0.1 with their data under one folder, and stopped in reverse order;
 * what is running is then asked for the prevalence it holds.
 */
package io.tlswatch.cli.stack;
