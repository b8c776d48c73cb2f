; Inno Setup 6 script: the per-user installer of 乡镇人大工作台 (no administrator rights).
; Built by installer/build.py on Windows:  iscc /DAppVersion=0.1.0 /DBundleDir=dist\town-office /Odist installer\town_office.iss
; The user's data folder (%LOCALAPPDATA%\TownOffice, or a portable data\ folder) is never touched
; by an upgrade or by uninstalling.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef BundleDir
  #define BundleDir "..\dist\town-office"
#endif

[Setup]
; A fixed AppId: a newer version installs over the older one instead of beside it.
AppId={{6F1D3C2A-8B47-4E5F-9A1C-2D7E4B9F0A63}
AppName=乡镇人大工作台
AppVersion={#AppVersion}
AppVerName=乡镇人大工作台 {#AppVersion}
AppPublisher=乡镇人大工作台项目组
VersionInfoVersion={#AppVersion}
VersionInfoCompany=乡镇人大工作台项目组
VersionInfoProductName=乡镇人大工作台
VersionInfoDescription=乡镇人大工作台安装程序
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=
DefaultDirName={userpf}\乡镇人大工作台
DefaultGroupName=乡镇人大工作台
DisableProgramGroupPage=yes
OutputBaseFilename=TownOffice-Setup-{#AppVersion}
SetupIconFile=..\resources\icons\town_office.ico
UninstallDisplayIcon={app}\TownOffice.exe
UninstallDisplayName=乡镇人大工作台
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; The program holds this mutex while it runs: setup and uninstall ask the clerk to close it first.
AppMutex=TownOffice.SingleInstance
CloseApplications=yes
ShowLanguageDialog=no

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Tasks]
Name: "desktopicon"; Description: "在桌面上创建快捷方式"; GroupDescription: "其他快捷方式："

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\乡镇人大工作台"; Filename: "{app}\TownOffice.exe"; Comment: "乡镇人大主席团办公软件"
Name: "{autodesktop}\乡镇人大工作台"; Filename: "{app}\TownOffice.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\TownOffice.exe"; Description: "运行乡镇人大工作台"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the program itself leaves beside it; the data folder is never listed here.
Type: filesandordirs; Name: "{app}\__pycache__"

[Messages]
chinesesimplified.UninstalledAll=乡镇人大工作台已卸载。%n%n您的数据没有删除，仍保存在：%n%LOCALAPPDATA%\TownOffice%n（便携方式使用时在程序文件夹旁的 data 文件夹中）。重新安装后会自动打开这些数据。
