"""A Python grpcio client that exercises a server under test and prints one JSON line per check.

It only observes; the C# test decides what is correct. Stubs are generated at test time with
grpc_tools.protoc into a temporary directory, passed as the second argument.
Usage: /usr/bin/python3 interop_client.py <host:port> <stubs-dir>
"""
import json
import sys

import grpc

ADDRESS, STUBS_DIR = sys.argv[1], sys.argv[2]
sys.path.insert(0, STUBS_DIR)

import echo_pb2  # noqa: E402  (generated into STUBS_DIR)
import echo_pb2_grpc  # noqa: E402
import health_pb2  # noqa: E402
import health_pb2_grpc  # noqa: E402

NON_ASCII_DETAIL = "ngân sách đã hết — budget exhausted"
TIMEOUT_S = 30


def report(check, **fields):
    print(json.dumps({"check": check, **fields}, ensure_ascii=False), flush=True)


def unary(method, request, **kwargs):
    kwargs.setdefault("timeout", TIMEOUT_S)
    try:
        return {"code": 0, "response": method(request, **kwargs)}
    except grpc.RpcError as error:
        return {"code": error.code().value[0], "details": error.details()}


def main():
    with grpc.insecure_channel(ADDRESS) as channel:
        echo = echo_pb2_grpc.EchoStub(channel)
        health = health_pb2_grpc.HealthStub(channel)
        status_name = health_pb2.HealthCheckResponse.ServingStatus.Name

        overall = unary(health.Check, health_pb2.HealthCheckRequest(service=""))
        report("health_check", code=overall["code"],
               status=status_name(overall["response"].status) if overall["code"] == 0 else None)

        echo_health = unary(health.Check, health_pb2.HealthCheckRequest(service="test.echo.v1.Echo"))
        report("health_check_echo", code=echo_health["code"],
               status=status_name(echo_health["response"].status) if echo_health["code"] == 0 else None)

        watch = health.Watch(health_pb2.HealthCheckRequest(service=""), timeout=TIMEOUT_S)
        try:
            first = next(watch)
            report("health_watch", code=0, status=status_name(first.status))
        except grpc.RpcError as error:
            report("health_watch", code=error.code().value[0], details=error.details())
        finally:
            watch.cancel()

        unknown = channel.unary_unary("/test.echo.v1.Echo/DoesNotExist",
                                      request_serializer=lambda value: value,
                                      response_deserializer=lambda data: data)
        missing = unary(unknown, b"")
        report("unimplemented", code=missing["code"], details=missing.get("details"))

        echoed = unary(echo.Unary, echo_pb2.EchoRequest(message="hello from grpcio"),
                       metadata=[("x-interop-client", "grpcio")])
        report("unary", code=echoed["code"],
               message=echoed["response"].message if echoed["code"] == 0 else None,
               header=echoed["response"].request_headers.get("x-interop-client") if echoed["code"] == 0 else None)

        try:
            replies = list(echo.ServerStream(echo_pb2.EchoRequest(message="stream", reply_count=3), timeout=TIMEOUT_S))
            report("server_stream", code=0, indexes=[r.index for r in replies], messages=[r.message for r in replies])
        except grpc.RpcError as error:
            report("server_stream", code=error.code().value[0], details=error.details())

        late = unary(echo.Unary, echo_pb2.EchoRequest(message="too slow", delay_ms=10000), timeout=0.3)
        report("deadline", code=late["code"], details=late.get("details"))

        failed = unary(echo.Unary, echo_pb2.EchoRequest(message="fail", fail_with_status=8, fail_detail=NON_ASCII_DETAIL))
        report("error_non_ascii", code=failed["code"], details=failed.get("details"))


if __name__ == "__main__":
    try:
        main()
    except Exception as error:  # report and fail loudly: the test prints our output
        report("crash", message=repr(error))
        sys.exit(1)
