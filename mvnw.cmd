<# : batch portion
@REM ----------------------------------------------------------------------------
@REM Licensed to the Apache Software Foundation (ASF) under one
@REM or more contributor license agreements.  See the NOTICE file
@REM distributed with this work for additional information
@REM regarding copyright ownership.  The ASF licenses this file
@REM to you under the Apache License, Version 2.0 (the
@REM "License"); you may not use this file except in compliance
@REM with the License.  You may obtain a copy of the License at
@REM
@REM    http://www.apache.org/licenses/LICENSE-2.0
@REM
@REM Unless required by applicable law or agreed to in writing,
@REM software distributed under the License is distributed on an
@REM "AS IS" BASIS, WITHOUT WARRANTIES OR CONDITIONS OF ANY
@REM KIND, either express or implied.  See the License for the
@REM specific language governing permissions and limitations
@REM under the License.
@REM ----------------------------------------------------------------------------

@REM ----------------------------------------------------------------------------
@REM Apache Maven Wrapper startup batch script, version 3.3.2
@REM
@REM Optional ENV vars
@REM   JAVA_HOME - a JDK 25+; when unset or older, one is looked for (see the PowerShell part)
@REM   MVNW_JDK_SEARCH_PATH - ;-separated folders to look for a JDK 25 in, instead of the usual ones
@REM   MVNW_REPOURL - repo url base for downloading maven distribution
@REM   MVNW_USERNAME/MVNW_PASSWORD - user and password for downloading maven
@REM   MVNW_VERBOSE - true: enable verbose log; others: silence the output
@REM ----------------------------------------------------------------------------

@REM SETLOCAL: the JAVA_HOME and MAVEN_OPTS chosen below last for this run only
@SETLOCAL
@IF "%__MVNW_ARG0_NAME__%"=="" (SET __MVNW_ARG0_NAME__=%~nx0)
@SET __MVNW_NO_JDK__=
@SET __MVNW_CMD__=
@SET __MVNW_ERROR__=
@SET __MVNW_PSMODULEP_SAVE=%PSModulePath%
@SET PSModulePath=
@FOR /F "usebackq tokens=1* delims==" %%A IN (`powershell -noprofile "& {$scriptDir='%~dp0'; $script='%__MVNW_ARG0_NAME__%'; icm -ScriptBlock ([Scriptblock]::Create((Get-Content -Raw '%~f0'))) -NoNewScope}"`) DO @(
  IF "%%A"=="MVN_CMD" (set __MVNW_CMD__=%%B) ELSE IF "%%A"=="JAVA_HOME" (set "JAVA_HOME=%%B") ELSE IF "%%A"=="MAVEN_OPTS" (set "MAVEN_OPTS=%%B") ELSE IF "%%A"=="MVNW_NO_JDK" (set __MVNW_NO_JDK__=1) ELSE IF "%%B"=="" (echo %%A) ELSE (echo %%A=%%B)
)
@SET PSModulePath=%__MVNW_PSMODULEP_SAVE%
@SET __MVNW_PSMODULEP_SAVE=
@SET __MVNW_ARG0_NAME__=
@SET MVNW_USERNAME=
@SET MVNW_PASSWORD=
@IF NOT "%__MVNW_NO_JDK__%"=="" exit /b 1
@IF NOT "%__MVNW_CMD__%"=="" (%__MVNW_CMD__% %*)
@echo Cannot start maven from wrapper >&2 && exit /b 1
@GOTO :EOF
: end batch / begin powershell #>

$ErrorActionPreference = "Stop"
if ($env:MVNW_VERBOSE -eq "true") {
  $VerbosePreference = "Continue"
}

# ---- Cavos Desktop: run Maven on a JDK 25 ------------------------------------
# As in mvnw (.mvn/find-jdk.sh): JAVA_HOME when it is a JDK 25+, else the java.exe on PATH when it
# belongs to one, else the highest JDK 25+ under the usual folders (MVNW_JDK_SEARCH_PATH, a
# ;-separated list, replaces them). A JDK has bin\javac.exe and a release file with its JAVA_VERSION.
# The batch portion above sets JAVA_HOME and MAVEN_OPTS from the lines written here. On JDK 24+,
# Maven 3.9's Guice warns that sun.misc.Unsafe is going away unless the JVM runs with
# --sun-misc-unsafe-memory-access=allow; it is added here, since in .mvn/jvm.config older JVMs would
# reject it before this check runs.
function Get-Jdk([string]$dir) {
  try {
    if (!$dir) { return $null }
    $dir = $dir.Trim().Trim('"').TrimEnd('\', '/')
    if (!$dir) { return $null }
    $release = Join-Path $dir 'release'
    if (!(Test-Path -LiteralPath $release -PathType Leaf)) { return $null }
    if (!(Test-Path -LiteralPath (Join-Path $dir 'bin\javac.exe') -PathType Leaf)) { return $null }
    foreach ($line in @(Get-Content -LiteralPath $release -ErrorAction SilentlyContinue)) {
      if ($line -match '^JAVA_VERSION="?(([0-9]{1,4})(?:\.([0-9]{1,4}))?(?:\.([0-9]{1,4}))?[0-9.]*)') {
        $m = $Matches
        $major = [int]$m[2]
        $minor = if ($m[3]) { [int]$m[3] } else { 0 }
        $security = if ($m[4]) { [int]$m[4] } else { 0 }
        return New-Object PSObject -Property @{
          Home = $dir
          Version = $m[1]
          Major = $major
          Key = (New-Object System.Version -ArgumentList $major, $minor, $security)
        }
      }
    }
  } catch { }
  return $null
}

$jdk = $null
$jdkIsJavaHome = $false
$javaHomeJdk = Get-Jdk $env:JAVA_HOME
if ($javaHomeJdk -and $javaHomeJdk.Major -ge 25) {
  $jdk = $javaHomeJdk
  $jdkIsJavaHome = $true
} else {
  $javaOnPath = Get-Command java.exe -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
  if ($javaOnPath) {
    $candidate = Get-Jdk (Split-Path -Parent (Split-Path -Parent $javaOnPath.Path))
    if ($candidate -and $candidate.Major -ge 25) { $jdk = $candidate }
  }
}
if (!$jdk) {
  $jdkRoots = @()
  if ($env:MVNW_JDK_SEARCH_PATH) {
    $jdkRoots = @($env:MVNW_JDK_SEARCH_PATH -split ';')
  } else {
    foreach ($programFiles in @(@($env:ProgramW6432, $env:ProgramFiles) | Select-Object -Unique)) {
      if (!$programFiles) { continue }
      foreach ($vendor in @('Java', 'Eclipse Adoptium', 'Eclipse Foundation', 'Microsoft', 'Zulu', 'Amazon Corretto', 'BellSoft', 'Semeru', 'OpenJDK')) {
        $jdkRoots += Join-Path $programFiles $vendor
      }
    }
    if ($env:USERPROFILE) {
      $jdkRoots += Join-Path $env:USERPROFILE '.jdks'
      $jdkRoots += Join-Path $env:USERPROFILE 'scoop\apps'
    }
  }
  foreach ($root in $jdkRoots) {
    if (!$root -or !(Test-Path -LiteralPath $root -PathType Container)) { continue }
    $candidates = @($root)
    foreach ($child in @(Get-ChildItem -LiteralPath $root -Directory -ErrorAction SilentlyContinue | Sort-Object Name)) {
      $candidates += $child.FullName
      $candidates += Join-Path $child.FullName 'current'
    }
    foreach ($dir in $candidates) {
      $candidate = Get-Jdk $dir
      if ($candidate -and $candidate.Major -ge 25 -and (!$jdk -or $candidate.Key -gt $jdk.Key)) { $jdk = $candidate }
    }
  }
}

$javaHomeIs = if (!$env:JAVA_HOME) { 'JAVA_HOME is unset' } elseif ($javaHomeJdk) { "JAVA_HOME is JDK $($javaHomeJdk.Version)" } else { 'JAVA_HOME is not a JDK' }
if (!$jdk) {
  [Console]::Error.WriteLine("[mvnw] Cavos Desktop needs a JDK 25 or newer and found none ($javaHomeIs; none on PATH or in the usual folders): install one (e.g. Temurin 25) and set JAVA_HOME to it.")
  Write-Output "MVNW_NO_JDK=1"
  exit 1
}
if (!$jdkIsJavaHome) {
  [Console]::Error.WriteLine("[mvnw] Using JDK $($jdk.Version) at $($jdk.Home) ($javaHomeIs)")
  Write-Output "JAVA_HOME=$($jdk.Home)"
}
if (" $env:MAVEN_OPTS " -notlike '* --sun-misc-unsafe-memory-access=*') {
  $mavenOpts = "$env:MAVEN_OPTS --sun-misc-unsafe-memory-access=allow".Trim()
  Write-Output "MAVEN_OPTS=$mavenOpts"
}
# ---- end of Cavos Desktop's JDK 25 check ------------------------------------

# calculate distributionUrl, requires .mvn/wrapper/maven-wrapper.properties
$distributionUrl = (Get-Content -Raw "$scriptDir/.mvn/wrapper/maven-wrapper.properties" | ConvertFrom-StringData).distributionUrl
if (!$distributionUrl) {
  Write-Error "cannot read distributionUrl property in $scriptDir/.mvn/wrapper/maven-wrapper.properties"
}

switch -wildcard -casesensitive ( $($distributionUrl -replace '^.*/','') ) {
  "maven-mvnd-*" {
    $USE_MVND = $true
    $distributionUrl = $distributionUrl -replace '-bin\.[^.]*$',"-windows-amd64.zip"
    $MVN_CMD = "mvnd.cmd"
    break
  }
  default {
    $USE_MVND = $false
    $MVN_CMD = $script -replace '^mvnw','mvn'
    break
  }
}

# apply MVNW_REPOURL and calculate MAVEN_HOME
# maven home pattern: ~/.m2/wrapper/dists/{apache-maven-<version>,maven-mvnd-<version>-<platform>}/<hash>
if ($env:MVNW_REPOURL) {
  $MVNW_REPO_PATTERN = if ($USE_MVND) { "/org/apache/maven/" } else { "/maven/mvnd/" }
  $distributionUrl = "$env:MVNW_REPOURL$MVNW_REPO_PATTERN$($distributionUrl -replace '^.*'+$MVNW_REPO_PATTERN,'')"
}
$distributionUrlName = $distributionUrl -replace '^.*/',''
$distributionUrlNameMain = $distributionUrlName -replace '\.[^.]*$','' -replace '-bin$',''
$MAVEN_HOME_PARENT = "$HOME/.m2/wrapper/dists/$distributionUrlNameMain"
if ($env:MAVEN_USER_HOME) {
  $MAVEN_HOME_PARENT = "$env:MAVEN_USER_HOME/wrapper/dists/$distributionUrlNameMain"
}
$MAVEN_HOME_NAME = ([System.Security.Cryptography.MD5]::Create().ComputeHash([byte[]][char[]]$distributionUrl) | ForEach-Object {$_.ToString("x2")}) -join ''
$MAVEN_HOME = "$MAVEN_HOME_PARENT/$MAVEN_HOME_NAME"

if (Test-Path -Path "$MAVEN_HOME" -PathType Container) {
  Write-Verbose "found existing MAVEN_HOME at $MAVEN_HOME"
  Write-Output "MVN_CMD=$MAVEN_HOME/bin/$MVN_CMD"
  exit $?
}

if (! $distributionUrlNameMain -or ($distributionUrlName -eq $distributionUrlNameMain)) {
  Write-Error "distributionUrl is not valid, must end with *-bin.zip, but found $distributionUrl"
}

# prepare tmp dir
$TMP_DOWNLOAD_DIR_HOLDER = New-TemporaryFile
$TMP_DOWNLOAD_DIR = New-Item -Itemtype Directory -Path "$TMP_DOWNLOAD_DIR_HOLDER.dir"
$TMP_DOWNLOAD_DIR_HOLDER.Delete() | Out-Null
trap {
  if ($TMP_DOWNLOAD_DIR.Exists) {
    try { Remove-Item $TMP_DOWNLOAD_DIR -Recurse -Force | Out-Null }
    catch { Write-Warning "Cannot remove $TMP_DOWNLOAD_DIR" }
  }
}

New-Item -Itemtype Directory -Path "$MAVEN_HOME_PARENT" -Force | Out-Null

# Download and Install Apache Maven
Write-Verbose "Couldn't find MAVEN_HOME, downloading and installing it ..."
Write-Verbose "Downloading from: $distributionUrl"
Write-Verbose "Downloading to: $TMP_DOWNLOAD_DIR/$distributionUrlName"

$webclient = New-Object System.Net.WebClient
if ($env:MVNW_USERNAME -and $env:MVNW_PASSWORD) {
  $webclient.Credentials = New-Object System.Net.NetworkCredential($env:MVNW_USERNAME, $env:MVNW_PASSWORD)
}
[Net.ServicePointManager]::SecurityProtocol = [Net.SecurityProtocolType]::Tls12
$webclient.DownloadFile($distributionUrl, "$TMP_DOWNLOAD_DIR/$distributionUrlName") | Out-Null

# If specified, validate the SHA-256 sum of the Maven distribution zip file
$distributionSha256Sum = (Get-Content -Raw "$scriptDir/.mvn/wrapper/maven-wrapper.properties" | ConvertFrom-StringData).distributionSha256Sum
if ($distributionSha256Sum) {
  if ($USE_MVND) {
    Write-Error "Checksum validation is not supported for maven-mvnd. `nPlease disable validation by removing 'distributionSha256Sum' from your maven-wrapper.properties."
  }
  Import-Module $PSHOME\Modules\Microsoft.PowerShell.Utility -Function Get-FileHash
  if ((Get-FileHash "$TMP_DOWNLOAD_DIR/$distributionUrlName" -Algorithm SHA256).Hash.ToLower() -ne $distributionSha256Sum) {
    Write-Error "Error: Failed to validate Maven distribution SHA-256, your Maven distribution might be compromised. If you updated your Maven version, you need to update the specified distributionSha256Sum property."
  }
}

# unzip and move
Expand-Archive "$TMP_DOWNLOAD_DIR/$distributionUrlName" -DestinationPath "$TMP_DOWNLOAD_DIR" | Out-Null
Rename-Item -Path "$TMP_DOWNLOAD_DIR/$distributionUrlNameMain" -NewName $MAVEN_HOME_NAME | Out-Null
try {
  Move-Item -Path "$TMP_DOWNLOAD_DIR/$MAVEN_HOME_NAME" -Destination $MAVEN_HOME_PARENT | Out-Null
} catch {
  if (! (Test-Path -Path "$MAVEN_HOME" -PathType Container)) {
    Write-Error "fail to move MAVEN_HOME"
  }
} finally {
  try { Remove-Item $TMP_DOWNLOAD_DIR -Recurse -Force | Out-Null }
  catch { Write-Warning "Cannot remove $TMP_DOWNLOAD_DIR" }
}

Write-Output "MVN_CMD=$MAVEN_HOME/bin/$MVN_CMD"
