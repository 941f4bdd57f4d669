using TuneAdvisor.Configuration;
using TuneAdvisor.Sources.Image.Apps;

namespace TuneAdvisor.Tests.Sources.Image;

public sealed class AppConfigReaderTests : IDisposable
{
    private readonly TempTree _tree = new();

    public void Dispose() => _tree.Dispose();

    private RootFileSystem Fs => new(_tree.Root);

    private static string[] Lines(AppConfigResult result) =>
        result.Configs.Select(c => $"{c.App} {c.Listen} {c.Backlog} {c.Source}").ToArray();

    private static string[] Problems(AppConfigResult result) => result.Diagnostics.Select(d => d.ToString()).ToArray();

    [Fact]
    public void Nginx_backlog_per_socket_with_includes_relative_to_etc_nginx_and_the_511_default()
    {
        _tree.File("etc/nginx/nginx.conf",
                "user www-data;",
                "events { worker_connections 768; }",
                "http {",
                "    include /etc/nginx/conf.d/*.conf;",
                "    include sites-enabled/*;",
                "}",
                "stream {",
                "    server { listen 5432 backlog=1024; proxy_pass db; }",
                "}")
            .File("etc/nginx/conf.d/api.conf",
                "server {",
                "    listen 127.0.0.1:8080 backlog=4096 reuseport;",
                "    listen [::]:8080;",
                "    location / { return 200; }  # listen 9999;",
                "}")
            .File("etc/nginx/sites-available/default", "server { listen 80 default_server; listen 443 ssl; }", "server { listen 0.0.0.0:443 backlog=2048; }")
            .Link("etc/nginx/sites-enabled/default", "/etc/nginx/sites-available/default")
            .File("etc/nginx/sites-available/unused", "server { listen 81 backlog=1; }")
            .File("etc/nginx/conf.d/nolisten.conf", "server { server_name example.org; }");

        var result = NginxConfigReader.Read(Fs);

        Assert.Equal(
        [
            "nginx *:443 2048 etc/nginx/sites-enabled/default:2",
            "nginx *:5432 1024 etc/nginx/nginx.conf:8",
            "nginx *:80 511 etc/nginx/conf.d/nolisten.conf:1 (default)",
            "nginx 127.0.0.1:8080 4096 etc/nginx/conf.d/api.conf:2",
            "nginx [::]:8080 511 etc/nginx/conf.d/api.conf:3 (default)",
        ], Lines(result).Order(StringComparer.Ordinal).ToArray());
        Assert.Empty(result.Diagnostics);
        Assert.Equal(["etc/nginx/nginx.conf", "etc/nginx/conf.d/api.conf", "etc/nginx/conf.d/nolisten.conf", "etc/nginx/sites-enabled/default"], result.Files.ToArray());
    }

    [Fact]
    public void Nginx_malformed_input_gives_diagnostics_with_file_and_line()
    {
        _tree.File("etc/nginx/nginx.conf",
            "http {",
            "    include missing.conf;",
            "    server {",
            "        listen 8080 backlog=lots;",
            "        listen;",
            "    }",
            "    server { listen 8081 }",
            "}",
            "}");

        var problems = Problems(NginxConfigReader.Read(Fs));

        Assert.Contains(problems, p => p.StartsWith("etc/nginx/nginx.conf(2,1): warning TA0204: etc/nginx/nginx.conf:2: included file etc/nginx/missing.conf does not exist", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("etc/nginx/nginx.conf(4,1): warning TA0203: Line skipped: etc/nginx/nginx.conf:4: invalid 'backlog=lots'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("etc/nginx/nginx.conf(5,1): warning TA0203: Line skipped: etc/nginx/nginx.conf:5: 'listen' without an address", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("etc/nginx/nginx.conf(7,1): warning TA0203: Line skipped: etc/nginx/nginx.conf:7: directive 'listen' is not terminated by ';'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("etc/nginx/nginx.conf(9,1): warning TA0203: Line skipped: etc/nginx/nginx.conf:9: unexpected '}'", StringComparison.Ordinal));
    }

    [Fact]
    public void Nginx_unterminated_block_is_reported_where_it_opens()
    {
        _tree.File("etc/nginx/nginx.conf", "events {}", "http {", "  server { listen 80; }");

        var result = NginxConfigReader.Read(Fs);

        Assert.Contains(Problems(result), p => p.StartsWith("etc/nginx/nginx.conf(2,1): warning TA0203: Line skipped: etc/nginx/nginx.conf:2: unexpected end of file", StringComparison.Ordinal));
        Assert.Equal(["nginx *:80 511 etc/nginx/nginx.conf:3 (default)"], Lines(result));
    }

    [Fact]
    public void No_nginx_no_entries()
    {
        Assert.Empty(NginxConfigReader.Read(Fs).Configs);
        _tree.Dir("etc/nginx");
        Assert.Contains("etc/nginx/nginx.conf does not", Assert.Single(NginxConfigReader.Read(Fs).Diagnostics).Message);
    }

    [Fact]
    public void Redis_tcp_backlog_bind_port_defaults_and_includes()
    {
        _tree.File("etc/redis/redis.conf",
                "# tcp-backlog 1",
                "bind 127.0.0.1 -::1",
                "port 6379",
                "include /etc/redis/common.conf",
                "tcp-backlog 2048")
            .File("etc/redis/common.conf", "tcp-backlog 100", "unixsocket /run/redis/redis.sock")
            .File("etc/redis/sentinel.conf", "sentinel monitor mymaster 127.0.0.1 6379 2", "bind 0.0.0.0")
            .File("etc/redis.conf", "port 0", "tcp-backlog \"4096\"")
            .File("etc/redis/broken.conf", "port lots", "tcp-backlog 'open");

        var result = RedisConfigReader.Read(Fs);

        Assert.Equal(
        [
            "redis *:6379 511 etc/redis/broken.conf (default)",
            "redis 0.0.0.0:26379 511 etc/redis/sentinel.conf (default)",
            "redis 127.0.0.1:6379 2048 etc/redis/redis.conf:5",
            "redis [::1]:6379 2048 etc/redis/redis.conf:5",
            "redis unix:/run/redis/redis.sock 2048 etc/redis/redis.conf:5",
        ], Lines(result).Order(StringComparer.Ordinal).ToArray());
        var problems = Problems(result);
        Assert.Contains(problems, p => p.StartsWith("etc/redis/broken.conf(1,1): warning TA0203: Line skipped: etc/redis/broken.conf:1: invalid 'port lots'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("etc/redis/broken.conf(2,1): warning TA0203: Line skipped: etc/redis/broken.conf:2: unbalanced quotes", StringComparison.Ordinal));
    }

    [Fact]
    public void Haproxy_backlog_comes_from_bind_then_proxy_backlog_then_maxconn()
    {
        _tree.File("etc/haproxy/haproxy.cfg",
            "global",
            "    maxconn 50000",
            "defaults",
            "    mode http",
            "    maxconn 3000",
            "frontend www",
            "    bind :80,:8080",
            "    bind :443 ssl crt /etc/ssl/x.pem backlog 8192",
            "    backlog 1024",
            "frontend api",
            "    bind 10.0.0.1:9000 maxconn 700",
            "    bind 10.0.0.1:9001",
            "backend app",
            "    server a 10.0.0.2:80 maxconn 100",
            "defaults fresh",
            "    mode tcp",
            "listen db",
            "    bind :5432",
            "frontend inherits from fresh",
            "    bind :7000",
            "    maxconn 25 # trailing comment");

        var result = HaproxyConfigReader.Read(Fs);

        Assert.Equal(
        [
            "haproxy :80 1024 etc/haproxy/haproxy.cfg:9",
            "haproxy :8080 1024 etc/haproxy/haproxy.cfg:9",
            "haproxy :443 8192 etc/haproxy/haproxy.cfg:8",
            "haproxy 10.0.0.1:9000 700 etc/haproxy/haproxy.cfg:11 (bind maxconn; no backlog set)",
            "haproxy 10.0.0.1:9001 3000 etc/haproxy/haproxy.cfg:5 (maxconn; no backlog set)",
            "haproxy :5432 50000 etc/haproxy/haproxy.cfg:2 (global maxconn: no backlog or proxy maxconn set; HAProxy releases that still default a frontend's maxconn to 2000 use 2000)",
            "haproxy :7000 25 etc/haproxy/haproxy.cfg:21 (maxconn; no backlog set)",
        ], Lines(result));
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void Haproxy_without_any_maxconn_leaves_the_backlog_unknown_with_a_note()
    {
        _tree.File("etc/haproxy/haproxy.cfg",
            "stray line",
            "frontend f",
            "    bind :80",
            "    backlog many");

        var result = HaproxyConfigReader.Read(Fs);

        Assert.Empty(result.Configs);
        var problems = Problems(result);
        Assert.Contains(problems, p => p.StartsWith("etc/haproxy/haproxy.cfg(1,1): warning TA0203: Line skipped: etc/haproxy/haproxy.cfg:1: 'stray' outside of any section", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("etc/haproxy/haproxy.cfg(4,1): warning TA0203: Line skipped: etc/haproxy/haproxy.cfg:4: 'backlog' needs a number", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("etc/haproxy/haproxy.cfg(3,1): info TA0209: etc/haproxy/haproxy.cfg:3: frontend 'f' sets no backlog and no maxconn", StringComparison.Ordinal));
    }

    [Fact]
    public void Php_fpm_listen_backlog_with_version_dependent_defaults()
    {
        _tree.File("etc/php/8.2/fpm/pool.d/www.conf",
                "; comment",
                "[www]",
                "user = www-data",
                "listen = /run/php/php8.2-fpm.sock",
                ";listen.backlog = 511",
                "[api]",
                "listen = \"127.0.0.1:9001\"",
                "listen.backlog = 4096")
            .File("etc/php/7.4/fpm/pool.d/www.conf", "[www]", "listen = /run/php/php7.4-fpm.sock")
            .File("etc/php-fpm.d/www.conf", "[global]", "pid = /run/php-fpm.pid", "[www]", "listen = 127.0.0.1:9000")
            .File("etc/php-fpm.d/bad.conf", "listen = 1", "[bad]", "listen = 9002", "listen.backlog = big", "garbage");

        var result = PhpFpmConfigReader.Read(Fs);

        Assert.Equal(
        [
            "php-fpm /run/php/php7.4-fpm.sock 511 etc/php/7.4/fpm/pool.d/www.conf:2 (default 511, PHP < 8.2)",
            "php-fpm /run/php/php8.2-fpm.sock -1 etc/php/8.2/fpm/pool.d/www.conf:4 (default -1 = somaxconn, PHP ≥ 8.2)",
            "php-fpm 127.0.0.1:9001 4096 etc/php/8.2/fpm/pool.d/www.conf:8",
        ], Lines(result));
        var problems = Problems(result);
        Assert.Contains(problems, p => p.StartsWith("etc/php-fpm.d/bad.conf(1,1): warning TA0203: Line skipped: etc/php-fpm.d/bad.conf:1: assignment outside of any [pool] section", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("etc/php-fpm.d/bad.conf(4,1): warning TA0203: Line skipped: etc/php-fpm.d/bad.conf:4: listen.backlog = big is not a number", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("etc/php-fpm.d/bad.conf(5,1): warning TA0203", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("etc/php-fpm.d/www.conf(4,1): info TA0209: etc/php-fpm.d/www.conf:4: pool [www] sets no listen.backlog and the PHP version is unknown", StringComparison.Ordinal));
    }
}
