/*
 * Seed 002's example responses (the external seed document of the HBlock event API), copied
 * verbatim: do not reformat them.
 */

/** 响应示例1: the body. */
export const RESPONSE_1 = JSON.parse(String.raw`{
"data": {
"events": [
{
"eventId": "78f85f5e-e8ca-42b9-889d-834a167283cc",
"module": "System",
"eventTime": 1659429529758,
"name": "StartLogCollect",
"requestId": "f630a474bc7e4d9eba75f3b9d28e5d51",
"requesterIP": "36.111.88.33",
"statusCode": 202,
"errorCode": "-",
"errorMessage": "-",
"detail": {
"method": "POST",
"url": "/rest/v1/system/logcollect",
"body": "{\"startTime\":1659422322714,\"endTime\":1659429522714,\"servers\":[\"hblock_1\",\"hblock_2\",\"hblock_3\"],\"logTypes\":[\"Config\",\"System\",\"Data\",\"Coordination\"]}"
}
},
{
"eventId": "37fd582e-6d36-4174-a9bd-94c825316f8a",
"module": "System",
"eventTime": 1659429493016,
"name": "Login",
"requestId": "ab3c00578efb4372b1fd622d827ad97c",
"requesterIP": "36.111.88.33",
"statusCode": 200,
"errorCode": "-",
"errorMessage": "-",
"detail": {
"method": "POST",
"url": "/internal/v1/system/user/login",
"body": "{\"userName\":\"storuser\"}"
}
}
]
}
}`) as unknown;

/** 响应示例2: the body. */
export const RESPONSE_2 = JSON.parse(String.raw`{
"data": {
"events": [
{
"eventId": "19cb57dd-5210-45af-a930-3d4cc70fe299",
"module": "System",
"eventTime": 1659343497897,
"name": "DataResumed"
},
{
"eventId": "1843075f-1281-4abc-af22-05a95c3a00ac",
"module": "System",
"eventTime": 1659343497897,
"name": "DataLowRedundancy",
"detail": {
"body": "{\"percent\": \"0%\"}"
}
},
{
"eventId": "6b6d9ec4-4a20-44d2-b00c-f3f154373a11",
"module": "Disk",
"eventTime": 1659343495978,
"name": "PathRemoved",
"instanceId": "hblock_2:/mnt/storage02"
}
]
}
}`) as unknown;
