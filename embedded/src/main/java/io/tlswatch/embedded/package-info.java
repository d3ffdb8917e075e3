/**
 * The embedded default stack's servers: a one-node Kafka broker in this JVM and an Elasticsearch
 * node as a child process, both on 127.0.0.1 only, each with its data in a folder the caller
 * owns (kept between runs, so a second start reuses it). No policy here: which ports, which
 * folder and when to delete it are the caller's (the {@code tlswatch demo} command, testkit's
 * fixtures).
 */
package io.tlswatch.embedded;
