/**
 * The live dashboard: {@link io.tlswatch.dashboards.live.DashboardServer} serves the prevalence
 * page and its data, computed by {@link io.tlswatch.dashboards.live.LiveReport} with Elasticsearch
 * aggregations over what the indexer wrote, filtered by
 * {@link io.tlswatch.dashboards.live.DashboardFilter}, with a drill-down to a session and its
 * certificates ({@link io.tlswatch.dashboards.live.SessionDetails}).
 */
package io.tlswatch.dashboards.live;
