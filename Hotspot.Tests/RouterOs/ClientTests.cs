using Hotspot.RouterOs;
using Hotspot.RouterOs.Wire;

namespace Hotspot.Tests.RouterOs;

public sealed class ClientTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory]
    [InlineData("6.40.9 (bugfix)")]
    [InlineData("6.44 (stable)")]
    [InlineData("6.49.10 (long-term)")]
    [InlineData("7.18.2 (stable)")]
    public async Task Logs_in_on_every_version_sending_name_and_password_first(string version)
    {
        await using var router = RunningRouter.Start(version);
        var connection = await router.ConnectAsync();

        var identity = await connection.SendAsync(new RouterOsCommand("/system/identity/print"), None);

        Assert.Equal("MikroTik", identity.EnsureSuccess().Rows[0]["name"]);
        var firstLogin = router.Simulator.Sentences.All()[0].Words;
        Assert.Equal(["/login", "=name=admin", "=password=***"], firstLogin);
    }

    [Fact]
    public async Task Legacy_routers_get_the_md5_challenge_response()
    {
        await using var router = RunningRouter.Start("6.40.9 (bugfix)");
        await router.ConnectAsync();

        var logins = router.Simulator.Sentences.All().Select(s => s.Words).ToList();

        Assert.Equal(2, logins.Count);
        Assert.Contains("=response=***", logins[1]);
    }

    [Theory]
    [InlineData("7.14.3 (stable)", "invalid user name or password (6)")]
    [InlineData("6.40.9 (bugfix)", "cannot log in")]
    public async Task A_wrong_password_is_a_login_failure_that_names_the_router_not_the_password(string version, string routerMessage)
    {
        await using var router = RunningRouter.Start(version);

        var failure = await Assert.ThrowsAsync<RouterOsConnectionException>(() => router.ConnectAsync(password: "wrong-pass"));

        Assert.Equal(RouterOsFailure.Login, failure.Failure);
        Assert.Contains("router 1", failure.Message, StringComparison.Ordinal);
        Assert.Contains(routerMessage, failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-pass", failure.ToString(), StringComparison.Ordinal);
        Assert.Equal(RouterOsErrorKind.InvalidCredentials, Assert.IsType<RouterOsTrapException>(failure.InnerException).Kind);
    }

    [Fact]
    public async Task A_user_without_the_api_policy_is_told_so()
    {
        await using var router = RunningRouter.Start(configure: o => o with { ApiPolicy = false });

        var failure = await Assert.ThrowsAsync<RouterOsConnectionException>(() => router.ConnectAsync());

        Assert.Equal(RouterOsErrorKind.NotEnoughPermissions, Assert.IsType<RouterOsTrapException>(failure.InnerException).Kind);
    }

    [Fact]
    public async Task Add_returns_the_new_id_and_print_returns_rows()
    {
        await using var router = RunningRouter.Start();
        var connection = await router.ConnectAsync();

        var added = await connection.SendAsync(new RouterOsCommand("/ip/hotspot/user/add").With("name", "ana").With("password", "1234"), None);
        var printed = await connection.SendAsync(new RouterOsCommand("/ip/hotspot/user/print"), None);

        Assert.Equal("*1", added.Ret);
        var row = Assert.Single(printed.Rows);
        Assert.Equal(("*1", "ana", "default"), (row.Id, row["name"], row["profile"]));
        Assert.False(printed.Empty);
    }

    [Theory]
    [InlineData("7.18.2 (stable)", true)]
    [InlineData("7.14.3 (stable)", false)]
    [InlineData("6.49.10 (long-term)", false)]
    public async Task An_empty_print_says_empty_from_7_18(string version, bool empty)
    {
        await using var router = RunningRouter.Start(version);
        var connection = await router.ConnectAsync();

        var printed = await connection.SendAsync(new RouterOsCommand("/ip/hotspot/active/print"), None);

        Assert.True(printed.Succeeded);
        Assert.Empty(printed.Rows);
        Assert.Equal(empty, printed.Empty);
    }

    [Fact]
    public async Task Traps_are_typed_and_several_are_kept()
    {
        await using var router = RunningRouter.Start();
        var connection = await router.ConnectAsync();
        var add = () => new RouterOsCommand("/ip/hotspot/user/add").With("name", "ana");
        (await connection.SendAsync(add(), None)).EnsureSuccess();

        var duplicate = await connection.SendAsync(add(), None);
        var unknownPath = await connection.SendAsync(new RouterOsCommand("/ip/hotspot/nothing/print"), None);

        Assert.Equal(RouterOsErrorKind.DuplicateItem, Assert.Throws<RouterOsTrapException>(() => duplicate.EnsureSuccess()).Kind);
        Assert.Equal(2, unknownPath.Traps.Count);
        Assert.All(unknownPath.Traps, t => Assert.Equal(0, t.Category));
        Assert.True(connection.IsUsable);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(127)]
    [InlineData(128)]
    [InlineData(16383)]
    [InlineData(16384)]
    [InlineData(0x1FFFFF)]
    [InlineData(0x200000)]
    public async Task Words_of_every_length_form_round_trip(int wordBytes)
    {
        await using var router = RunningRouter.Start();
        var connection = await router.ConnectAsync();
        // The whole word "=comment=..." has exactly wordBytes bytes; 'é' is two bytes, so UTF-8 lengths are counted, not chars.
        var valueBytes = Math.Max(0, wordBytes - "=comment=".Length);
        var comment = valueBytes % 2 == 0 ? new string('é', valueBytes / 2) : "x" + new string('é', valueBytes / 2);

        (await connection.SendAsync(new RouterOsCommand("/ip/hotspot/user/add").With("name", "big").With("comment", comment), None)).EnsureSuccess();
        var printed = await connection.SendAsync(new RouterOsCommand("/ip/hotspot/user/print").Proplist("comment"), None);

        Assert.Equal(comment, Assert.Single(printed.Rows)["comment"]);
    }

    [Theory]
    [InlineData("a=b=c")]
    [InlineData("line1\nline2\r\n")]
    [InlineData("名前🙂ñ")]
    [InlineData("=name=x")]
    [InlineData("\"; /system reboot; :put \"")]
    [InlineData("")]
    public async Task Hostile_values_reach_the_router_unchanged(string comment)
    {
        await using var router = RunningRouter.Start();
        var connection = await router.ConnectAsync();
        var name = comment.Length == 0 ? new string('n', 300) : comment;

        (await connection.SendAsync(new RouterOsCommand("/ip/hotspot/user/add").With("name", name).With("comment", comment), None)).EnsureSuccess();
        var found = await connection.SendAsync(new RouterOsCommand("/ip/hotspot/user/print").Where(RouterOsQuery.Create().Equal("name", name)), None);

        var row = Assert.Single(found.Rows);
        Assert.Equal((name, comment), (row["name"], row["comment"]));
    }

    [Fact]
    public async Task Independent_lookups_sent_together_cost_one_round_trip()
    {
        await using var router = RunningRouter.Start(configure: o => o with { LatencyMs = 5 });
        var connection = await router.ConnectAsync();
        foreach (var name in new[] { "a", "b", "c" })
        {
            await connection.SendAsync(new RouterOsCommand("/ip/hotspot/user/add").With("name", name).With("comment", "user " + name), None);
        }

        var before = connection.Counters.Snapshot();
        var replies = await connection.SendAllAsync(
        [
            new RouterOsCommand("/ip/hotspot/user/print").Where(RouterOsQuery.Create().Equal("name", "c")),
            new RouterOsCommand("/ip/hotspot/user/print").Where(RouterOsQuery.Create().Equal("name", "a")),
            new RouterOsCommand("/system/identity/print"),
            new RouterOsCommand("/ip/hotspot/user/print").Where(RouterOsQuery.Create().Equal("name", "b")),
        ], None);
        var cost = connection.Counters.Snapshot() - before;

        Assert.Equal(1, cost.RoundTrips);
        Assert.Equal(4, cost.Commands);
        Assert.Equal(["user c", "user a", null, "user b"], replies.Select(r => Assert.Single(r.Rows)["comment"]));
    }

    [Fact]
    public async Task Concurrent_callers_on_one_connection_each_get_their_own_rows()
    {
        await using var router = RunningRouter.Start(configure: o => o with { LatencyMs = 2 });
        var connection = await router.ConnectAsync();

        var names = Enumerable.Range(0, 50).Select(i => "user" + i).ToList();
        await Task.WhenAll(names.Select(n => connection.SendAsync(new RouterOsCommand("/ip/hotspot/user/add").With("name", n).With("comment", n), None)));
        var lookups = await Task.WhenAll(names.Select(n =>
            connection.SendAsync(new RouterOsCommand("/ip/hotspot/user/print").Where(RouterOsQuery.Create().Equal("name", n)), None)));

        Assert.Equal(names, lookups.Select(l => Assert.Single(l.Rows)["comment"]));
    }

    [Fact]
    public async Task Large_prints_stream_row_by_row()
    {
        await using var router = RunningRouter.Start();
        var connection = await router.ConnectAsync();
        var adds = Enumerable.Range(0, 600).Select(i => new RouterOsCommand("/ip/hotspot/user/add").With("name", "u" + i)).ToList();
        Assert.All(await connection.SendAllAsync(adds, None), r => r.EnsureSuccess());

        var seen = 0;
        await foreach (var row in connection.StreamAsync(new RouterOsCommand("/ip/hotspot/user/print").Proplist("name"), None))
        {
            Assert.Equal("u" + seen, row["name"]);
            seen++;
        }

        Assert.Equal(600, seen);
        Assert.True(connection.IsUsable);
    }

    [Fact]
    public async Task A_stream_left_early_is_cancelled_on_the_router_and_the_connection_stays_usable()
    {
        await using var router = RunningRouter.Start();
        var connection = await router.ConnectAsync();
        Assert.All(await connection.SendAllAsync(
            [.. Enumerable.Range(0, 400).Select(i => new RouterOsCommand("/ip/hotspot/user/add").With("name", "u" + i))], None), r => r.EnsureSuccess());

        await foreach (var row in connection.StreamAsync(new RouterOsCommand("/ip/hotspot/user/print"), None))
        {
            break;
        }

        var identity = await connection.SendAsync(new RouterOsCommand("/system/identity/print"), None);
        Assert.Equal("MikroTik", identity.Rows[0]["name"]);
        Assert.Contains(router.Simulator.Sentences.All(), s => s.Words[0] == "/cancel");
    }

    [Fact]
    public async Task A_fatal_fails_the_command_and_retires_the_connection()
    {
        await using var router = RunningRouter.Start();
        var connection = await router.ConnectAsync();
        router.Simulator.Faults.FatalNext = "out of memory";

        var failure = await Assert.ThrowsAsync<RouterOsConnectionException>(() => connection.SendAsync(new RouterOsCommand("/system/resource/print"), None));

        Assert.Equal(RouterOsFailure.Fatal, failure.Failure);
        Assert.Contains("out of memory", failure.Message, StringComparison.Ordinal);
        Assert.False(connection.IsUsable);
    }

    [Fact]
    public async Task Quit_ends_the_session_with_a_fatal()
    {
        await using var router = RunningRouter.Start();
        var connection = await router.ConnectAsync();

        var failure = await Assert.ThrowsAsync<RouterOsConnectionException>(() => connection.SendAsync(new RouterOsCommand("/quit"), None));

        Assert.Contains("session terminated on request", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_router_that_never_answers_times_out_with_a_clear_error()
    {
        await using var router = RunningRouter.Start();
        var connection = await router.ConnectAsync(router.Endpoint(TimeSpan.FromMilliseconds(300)));
        router.Simulator.Faults.Silent = true;

        var failure = await Assert.ThrowsAsync<RouterOsConnectionException>(() => connection.SendAsync(new RouterOsCommand("/ip/hotspot/user/print"), None));

        Assert.Equal(RouterOsFailure.TimedOut, failure.Failure);
        Assert.Contains("/ip/hotspot/user/print", failure.Message, StringComparison.Ordinal);
        Assert.False(connection.IsUsable);
    }

    [Fact]
    public async Task A_router_that_drops_mid_reply_gives_a_typed_error()
    {
        await using var router = RunningRouter.Start();
        var connection = await router.ConnectAsync();
        await connection.SendAsync(new RouterOsCommand("/ip/hotspot/user/add").With("name", "ana"), None);
        router.Simulator.Faults.DropMidReplyNext = true;

        var failure = await Assert.ThrowsAsync<RouterOsConnectionException>(() => connection.SendAsync(new RouterOsCommand("/ip/hotspot/user/print"), None));

        Assert.Equal(RouterOsFailure.Dropped, failure.Failure);
        Assert.Contains("/ip/hotspot/user/print", failure.Message, StringComparison.Ordinal);
        Assert.False(connection.IsUsable);
    }

    [Fact]
    public async Task Garbage_from_the_router_is_a_protocol_error()
    {
        await using var router = RunningRouter.Start();
        var connection = await router.ConnectAsync();
        router.Simulator.Faults.GarbageNext = true;

        var failure = await Assert.ThrowsAsync<RouterOsConnectionException>(() => connection.SendAsync(new RouterOsCommand("/system/identity/print"), None));

        Assert.Equal(RouterOsFailure.Protocol, failure.Failure);
    }

    [Fact]
    public async Task A_refused_connection_says_refused()
    {
        await using var router = RunningRouter.Start();
        router.Simulator.RefuseConnections(true);

        var failure = await Assert.ThrowsAsync<RouterOsConnectionException>(() => router.ConnectAsync());

        Assert.Equal(RouterOsFailure.Refused, failure.Failure);
        Assert.Contains("refused", failure.Message, StringComparison.Ordinal);
    }
}
