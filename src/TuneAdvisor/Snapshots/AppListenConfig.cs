
namespace TuneAdvisor.Snapshots;

/// <summary>A backlog an application is configured to ask for (nginx `listen … backlog=`, Redis `tcp-backlog`, …).</summary>
/// <param name="App">nginx, redis, haproxy, php-fpm.</param>
/// <param name="Listen">The listen address as configured, or "" when the setting is global.</param>
/// <param name="Backlog">The backlog asked for; the application's default when the file does not set one.</param>
/// <param name="Source">"etc/nginx/nginx.conf:12", or the file plus "(default)".</param>
public sealed record AppListenConfig(string App, string Listen, long Backlog, string Source);
