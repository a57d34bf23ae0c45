#!/usr/bin/perl
# Reads conformance.ktap with Perl's TAP::Parser (the parser behind `prove`), an independent
# TAP consumer, and checks what a KTAP reader relies on for tests/report/every_verdict.sh's
# run, whose test names end with the verdict each must have:
# - no parse error; the only line TAP does not know is KTAP's version line, first;
# - the plan matches the tests, numbered 1..N;
# - PASS and FLAKY "ok" plain; UNSUPPORTED "ok # SKIP unsupported" (short and stable) with
#   the long reason on the diagnostic line just before; FAIL "not ok"; TIMEOUT and BROKEN
#   "not ok" with KTAP's TIMEOUT and ERROR directives (TAP keeps them in the description);
# - a retried test's attempts on diagnostic lines before its result;
# - the last line is kselftest's totals line, and its counts are those of the result lines.
# usage: check_ktap.pl conformance.ktap
use strict;
use warnings;
use TAP::Parser;

my ($file) = @ARGV;
open my $fh, '<', $file or die "check_ktap: cannot read $file: $!\n";
my $text = do { local $/; <$fh> };
close $fh;

my $parser = TAP::Parser->new({tap => $text});
my @problems;
my ($plan, $n, $last) = (undef, 0, undef);
my @comments;    # diagnostics since the last result
my %count = map { $_ => 0 } qw(pass fail xfail xpass skip error);
my %verdicts;
my $first = 1;

while (my $r = $parser->next) {
  $last = $r;
  if ($r->is_unknown) {
    push @problems, "a line TAP does not know: " . $r->as_string
      unless $first && $r->as_string eq 'KTAP version 1';
  } elsif ($r->is_plan) {
    $plan = $r->tests_planned;
  } elsif ($r->is_comment) {
    push @comments, $r->as_string;
    next;
  } elsif ($r->is_test) {
    ++$n;
    push @problems, "test $n is numbered " . $r->number if $r->number != $n;
    my $desc = $r->description;
    my ($name, $directive) = $desc =~ /^(\S+)(?: # (TIMEOUT|ERROR))?$/
      or push @problems, "test $n: unexpected description '$desc'";
    $name //= '';
    $directive //= '';
    my ($wanted) = $name =~ m{/([a-z]+)$};
    $wanted = uc($wanted // '');
    $verdicts{$wanted} = 1;
    my $ok = $r->is_ok && !$r->has_todo;
    my $skip = $r->has_skip;
    my $is = sub { my ($want_ok, $want_skip, $want_directive) = @_;
      return $ok == $want_ok && $skip == $want_skip && $directive eq $want_directive; };
    if ($wanted eq 'PASS' || $wanted eq 'FLAKY') {
      push @problems, "$name: not a plain ok: " . $r->as_string unless $is->(1, 0, '');
      $count{pass}++;
    } elsif ($wanted eq 'UNSUPPORTED') {
      push @problems, "$name: not ok # SKIP: " . $r->as_string unless $is->(1, 1, '');
      push @problems, "$name: the SKIP text is '" . $r->explanation . "', not 'unsupported'"
        unless $r->explanation eq 'unsupported';
      push @problems, "$name: no reason on the diagnostic line before its result"
        unless @comments && $comments[-1] =~ /^# \Q$name\E: UNSUPPORTED: \S/;
      $count{skip}++;
    } elsif ($wanted eq 'FAIL') {
      push @problems, "$name: not a plain not ok: " . $r->as_string unless $is->(0, 0, '');
      $count{fail}++;
    } elsif ($wanted eq 'TIMEOUT') {
      push @problems, "$name: not 'not ok # TIMEOUT': " . $r->as_string unless $is->(0, 0, 'TIMEOUT');
      $count{fail}++;
    } elsif ($wanted eq 'BROKEN') {
      push @problems, "$name: not 'not ok # ERROR': " . $r->as_string unless $is->(0, 0, 'ERROR');
      $count{error}++;
    } else {
      push @problems, "$name: no verdict in its name";
    }
    if ($wanted eq 'FLAKY') {
      my $all = join "\n", @comments;
      push @problems, "$name: its attempts are not on the diagnostic lines before it"
        unless $all =~ /^# \Q$name\E: FLAKY after 2 attempts$/m
        && $all =~ /^# attempt 1: FAIL: /m && $all =~ /^# attempt 2: PASS /m;
    }
  }
  @comments = () unless $r->is_comment;
  $first = 0;
}

push @problems, "TAP::Parser: $_" for $parser->parse_errors;
push @problems, "no plan" unless defined $plan;
push @problems, "plan 1..$plan, $n tests" if defined $plan && $plan != $n;
my @every = qw(PASS FLAKY UNSUPPORTED FAIL TIMEOUT BROKEN);
for (@every) { push @problems, "no test of verdict $_" unless $verdicts{$_}; }
my $totals = join ' ', map { "$_:$count{$_}" } qw(pass fail xfail xpass skip error);
push @problems, "the last line is '" . ($last ? $last->as_string : '') . "', not '# Totals: $totals'"
  unless $last && $last->is_comment && $last->as_string eq "# Totals: $totals";

print "check_ktap: $_\n" for @problems;
print "check_ktap: $n tests, $totals: " . (@problems ? "FAILED" : "ok") . "\n";
exit(@problems ? 1 : 0);
